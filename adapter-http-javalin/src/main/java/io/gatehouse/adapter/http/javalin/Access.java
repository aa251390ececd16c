package io.gatehouse.adapter.http.javalin;

/** Who may call a route (Open WebUI's {@code get_current_user}, {@code get_verified_user}, {@code get_admin_user}). */
enum Access {
    /** Any signed-in caller, pending users included. */
    SIGNED_IN,
    /** Users and admins. */
    VERIFIED,
    ADMIN
}
