package io.gatehouse.adapter.events;

import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The audit trail: one line per event at INFO on the {@value #LOGGER_NAME} logger, as {@code key=value} pairs, the
 * first always {@code event=<name>}; for example
 * {@code event=sign_in_failed account=ann@example.org from=203.0.113.7 reason=WRONG_PASSWORD}. Refusals keep their
 * precise reason here, whatever the client was told.
 *
 * <p>Values the user chose (the e-mail tried at sign-in) are quoted and escaped when they hold anything but plain
 * characters, so that no input can forge a line or a field, and cut to {@value #MAX_VALUE_LENGTH} characters. Events
 * carry no password, token, hash or key, and no line adds one. Thread-safe.
 */
public final class AuditLog implements AuthEvents {

    /** The logger audit lines go to, so that a deployment can route them apart from diagnostics. */
    public static final String LOGGER_NAME = "gatehouse.audit";
    /** Longest value written; longer ones are cut and marked with {@code ...}. */
    static final int MAX_VALUE_LENGTH = 256;

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@:+/\\-]+");

    @Override
    public void publish(AuthEvent event) {
        AUDIT.info(line(event));
    }

    /** The audit line of an event. */
    static String line(AuthEvent event) {
        if (event instanceof AuthEvent.AccountCreated) {
            AuthEvent.AccountCreated created = (AuthEvent.AccountCreated) event;
            return new Line("account_created").with("user", created.user().id())
                    .with("email", created.user().email()).with("role", created.user().role().wireName())
                    .with("channel", created.channel()).toString();
        }
        if (event instanceof AuthEvent.SignedIn) {
            AuthEvent.SignedIn signedIn = (AuthEvent.SignedIn) event;
            return new Line("signed_in").with("user", signedIn.userId()).with("from", signedIn.from()).toString();
        }
        if (event instanceof AuthEvent.SignInFailed) {
            AuthEvent.SignInFailed failed = (AuthEvent.SignInFailed) event;
            return new Line("sign_in_failed").with("account", failed.accountKey()).with("from", failed.from())
                    .with("reason", failed.failure()).toString();
        }
        if (event instanceof AuthEvent.SignedOut) {
            return new Line("signed_out").with("user", ((AuthEvent.SignedOut) event).userId()).toString();
        }
        if (event instanceof AuthEvent.PasswordChanged) {
            AuthEvent.PasswordChanged changed = (AuthEvent.PasswordChanged) event;
            return new Line("password_changed").with("user", changed.userId()).with("by", changed.by()).toString();
        }
        if (event instanceof AuthEvent.RoleChanged) {
            AuthEvent.RoleChanged changed = (AuthEvent.RoleChanged) event;
            return new Line("role_changed").with("user", changed.userId()).with("old_role", changed.from().wireName())
                    .with("new_role", changed.to().wireName()).with("by", changed.by()).toString();
        }
        if (event instanceof AuthEvent.AccountDeleted) {
            AuthEvent.AccountDeleted deleted = (AuthEvent.AccountDeleted) event;
            return new Line("account_deleted").with("user", deleted.userId()).with("by", deleted.by()).toString();
        }
        if (event instanceof AuthEvent.ApiKeyCreated) {
            return new Line("api_key_created").with("user", ((AuthEvent.ApiKeyCreated) event).userId()).toString();
        }
        if (event instanceof AuthEvent.ApiKeyDeleted) {
            return new Line("api_key_deleted").with("user", ((AuthEvent.ApiKeyDeleted) event).userId()).toString();
        }
        if (event instanceof AuthEvent.SettingsChanged) {
            return new Line("settings_changed").with("by", ((AuthEvent.SettingsChanged) event).by()).toString();
        }
        if (event instanceof AuthEvent.GroupChanged) {
            AuthEvent.GroupChanged changed = (AuthEvent.GroupChanged) event;
            return new Line("group_" + changed.change().name().toLowerCase(Locale.ROOT)).with("group", changed.groupId())
                    .with("users", changed.users()).with("by", changed.by()).toString();
        }
        if (event instanceof AuthEvent.MembershipsSynced) {
            AuthEvent.MembershipsSynced synced = (AuthEvent.MembershipsSynced) event;
            return new Line("memberships_synced").with("user", synced.userId()).with("source", synced.source())
                    .with("joined", synced.joined()).with("left", synced.left()).toString();
        }
        // Java 17 cannot check this chain for exhaustiveness: an event type added to the port later is still
        // recorded, by its name, until it gets a line of its own.
        return new Line("unlisted").with("type", event.getClass().getSimpleName()).toString();
    }

    /** {@code key=value} pairs separated by spaces, values escaped. */
    private static final class Line {

        private final StringBuilder text;

        Line(String event) {
            text = new StringBuilder("event=").append(event);
        }

        Line with(String key, Object value) {
            text.append(' ').append(key).append('=').append(escaped(String.valueOf(value)));
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The value as is when plain, otherwise in double quotes with quotes, backslashes and invisibles escaped. */
    private static String escaped(String value) {
        String cut = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
        if (PLAIN.matcher(cut).matches()) {
            return cut;
        }
        StringBuilder quoted = new StringBuilder("\"");
        cut.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append((char) c);
            } else if (isInvisible(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.append((char) c);
            }
        });
        return quoted.append('"').toString();
    }

    /** Control characters, line and paragraph separators, and format characters such as bidi overrides. */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
