package io.gatehouse.adapter.http.javalin;

/** A credential a request carried, and where: only cookie credentials can be forged cross-site. */
record PresentedCredential(String value, Source source) {

    enum Source {
        AUTHORIZATION_HEADER,
        COOKIE,
        API_KEY_HEADER
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + source + ", redacted]";
    }
}
