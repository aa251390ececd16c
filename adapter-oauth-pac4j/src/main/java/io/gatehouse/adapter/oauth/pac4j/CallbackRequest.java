package io.gatehouse.adapter.oauth.pac4j;

import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one request pac4j sees: the redirect URI of this login and, at the callback, the parameters the provider sent.
 * It stands in for a framework's request so that pac4j never meets one; anything pac4j would read or write beyond
 * that (cookies, headers, the response) is deliberately empty or dropped, because the caller owns the real exchange.
 */
final class CallbackRequest implements WebContext {

    private final URI redirectUri;
    private final Map<String, String> parameters;
    private final Map<String, Object> attributes = new HashMap<>();

    CallbackRequest(URI redirectUri, Map<String, String> parameters) {
        this.redirectUri = redirectUri;
        this.parameters = Map.copyOf(parameters);
    }

    URI redirectUri() {
        return redirectUri;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    @Override
    public Map<String, String[]> getRequestParameters() {
        Map<String, String[]> all = new HashMap<>();
        parameters.forEach((name, value) -> all.put(name, new String[] {value}));
        return all;
    }

    @Override
    public Optional<Object> getRequestAttribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    @Override
    public void setRequestAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public Optional<String> getRequestHeader(String name) {
        return Optional.empty();
    }

    @Override
    public String getRequestMethod() {
        return "GET";
    }

    @Override
    public String getRemoteAddr() {
        return "";
    }

    @Override
    public void setResponseHeader(String name, String value) {
        // the caller writes the real response
    }

    @Override
    public Optional<String> getResponseHeader(String name) {
        return Optional.empty();
    }

    @Override
    public void setResponseContentType(String content) {
        // the caller writes the real response
    }

    @Override
    public String getServerName() {
        return redirectUri.getHost();
    }

    @Override
    public int getServerPort() {
        return redirectUri.getPort();
    }

    @Override
    public String getScheme() {
        return redirectUri.getScheme();
    }

    @Override
    public boolean isSecure() {
        return "https".equalsIgnoreCase(redirectUri.getScheme());
    }

    @Override
    public String getFullRequestURL() {
        return redirectUri.toString();
    }

    @Override
    public Collection<Cookie> getRequestCookies() {
        return List.of();
    }

    @Override
    public void addResponseCookie(Cookie cookie) {
        // login state travels in LoginState, never in a pac4j cookie
    }

    @Override
    public String getPath() {
        return Optional.ofNullable(redirectUri.getPath()).orElse("/");
    }
}
