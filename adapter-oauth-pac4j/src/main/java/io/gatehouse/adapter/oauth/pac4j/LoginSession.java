package io.gatehouse.adapter.oauth.pac4j;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * pac4j's session for one call only. pac4j writes the state, nonce and PKCE verifier of a new login into its session
 * and reads them back at the callback; here that "session" is a map made for the call, read out into a {@code
 * LoginState} after the redirect and filled from one before the callback, so the adapter itself remembers nothing.
 */
final class LoginSession implements SessionStore {

    private final Map<String, Object> values = new HashMap<>();

    Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    void put(String key, Object value) {
        values.put(key, value);
    }

    @Override
    public Optional<String> getSessionId(WebContext context, boolean createSession) {
        return Optional.of("login");
    }

    @Override
    public Optional<Object> get(WebContext context, String key) {
        return value(key);
    }

    @Override
    public void set(WebContext context, String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @Override
    public boolean destroySession(WebContext context) {
        values.clear();
        return true;
    }

    @Override
    public Optional<Object> getTrackableSession(WebContext context) {
        return Optional.empty();
    }

    @Override
    public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object trackableSession) {
        return Optional.empty();
    }

    @Override
    public boolean renewSession(WebContext context) {
        return false;
    }
}
