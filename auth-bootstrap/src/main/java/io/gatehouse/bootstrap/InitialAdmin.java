package io.gatehouse.bootstrap;

import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.EmailAddress;

/** The admin to create at start when no account exists ({@code WEBUI_ADMIN_EMAIL}, {@code _PASSWORD}, {@code _NAME}). */
record InitialAdmin(EmailAddress email, PlainPassword password, String name) {
}
