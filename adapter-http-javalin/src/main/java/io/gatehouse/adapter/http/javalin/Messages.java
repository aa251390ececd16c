package io.gatehouse.adapter.http.javalin;

/** Open WebUI's error texts ({@code constants.py}, spec §1.Z), word for word, and the few of our own. */
final class Messages {

    static final String DEFAULT = "Something went wrong :/";
    static final String EMAIL_TAKEN = "Uh-oh! This email is already registered. Sign in with your existing account or choose another email to start anew.";
    static final String PASSWORD_TOO_LONG = "Uh-oh! The password you entered is too long. Please make sure your password is less than 72 bytes long.";
    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";
    static final String INVALID_CRED = "The email or password provided is incorrect. Please check for typos and try logging in again.";
    static final String INVALID_EMAIL_FORMAT = "The email format you entered is invalid. Please double-check and make sure you're using a valid email address (e.g., yourname@example.com).";
    static final String INCORRECT_PASSWORD = "The password provided is incorrect. Please check for typos and try again.";
    static final String INVALID_PASSWORD = "The password does not meet the required validation criteria.";
    static final String EXISTING_USERS = "You can't turn off authentication because there are existing users. If you want to disable WEBUI_AUTH, make sure your web interface doesn't have any existing users and is a fresh installation.";
    static final String UNAUTHORIZED = "401 Unauthorized";
    static final String ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance.";
    static final String ACTION_PROHIBITED = "The requested action has been restricted as a security measure.";
    static final String NOT_FOUND = "We could not find what you're looking for :/";
    static final String API_KEY_NOT_FOUND = "Oops! It looks like there's a hiccup. The API key is missing. Please make sure to provide a valid API key to access this feature.";
    static final String API_KEY_NOT_ALLOWED = "Use of API key is not enabled in the environment.";
    static final String API_KEY_CREATION_NOT_ALLOWED = "API key creation is not allowed in the environment.";
    static final String RATE_LIMIT_EXCEEDED = "API rate limit exceeded";
    static final String NOT_AUTHENTICATED = "Not authenticated";
    static final String REVOKED_TOKEN = "Invalid token";
    static final String INVALID_TRUSTED_HEADER = "Your provider has not provided a trusted header. Please contact your administrator for assistance.";
    static final String TOKEN_EXCHANGE_DISABLED = "Token exchange is disabled";
    static final String OAUTH_NOT_CONFIGURED = "Provider '%s' is not configured";
    static final String INVALID_PROVIDER_TOKEN = "Invalid token or unable to validate with provider";
    static final String TOKEN_MISSING_EMAIL = "Token missing required email claim";
    static final String UNKNOWN_TOKEN_CLIENT = "Unable to determine which client the token was issued to";
    static final String EXCHANGE_USER_NOT_FOUND = "User not found. Please sign in via the web interface first.";
    static final String NO_OAUTH_SESSION = "No OAuth session found for this provider";
    static final String USER_MISMATCH = "User mismatch. Please sign in again.";
    static final String LDAP_NOT_ENABLED = "LDAP authentication is not enabled";
    static final String LDAP_FAILED = "LDAP authentication failed.";
    static final String LDAP_SERVER_REQUIRED = "At least one LDAP server is required";
    static final String LDAP_SERVER_INCOMPLETE = "Each LDAP server requires a label and host";
    static final String REQUIRED_FIELD_EMPTY = "Required field %s is empty";

    // Ours: situations Open WebUI has no text for.
    static final String PASSWORD_TOO_SHORT = "The password is too short. Please use at least %d characters.";
    static final String SERVICE_UNAVAILABLE = "The service is temporarily unavailable. Please try again in a moment.";
    static final String INTERNAL_ERROR = "An internal error occurred.";
    static final String CROSS_SITE = "Cross-site request refused.";
    static final String BODY_TOO_LARGE = "The request body is too large.";

    private Messages() {
    }
}
