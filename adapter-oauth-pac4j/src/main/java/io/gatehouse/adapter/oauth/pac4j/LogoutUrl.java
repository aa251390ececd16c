package io.gatehouse.adapter.oauth.pac4j;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RP-initiated logout URL. Open WebUI pastes the id_token and the redirect into the query unencoded (OW §1.4);
 * here every value is encoded, and a query the endpoint already has is kept.
 */
final class LogoutUrl {

    private LogoutUrl() {
    }

    static URI build(URI endSessionEndpoint, String clientId, Optional<String> idTokenHint,
                     Optional<URI> postLogoutRedirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", clientId);
        idTokenHint.ifPresent(token -> parameters.put("id_token_hint", token));
        postLogoutRedirectUri.ifPresent(uri -> parameters.put("post_logout_redirect_uri", uri.toString()));
        return URI.create(endSessionEndpoint + (endSessionEndpoint.getRawQuery() == null ? "?" : "&")
                + query(parameters));
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(encode(name)).append('=').append(encode(value)));
        return query.toString();
    }

    /** Form encoding, with spaces as {@code %20}, which every server reads in a query. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
