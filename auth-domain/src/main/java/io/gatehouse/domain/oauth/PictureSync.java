package io.gatehouse.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an identity provider puts the user's picture, and whether it replaces the account's at every login (Open WebUI
 * §7.4 step 8.4). New accounts take it whenever the claim is set. When the claims name no picture, a provider with a
 * picture endpoint of its own (Microsoft Graph) is asked instead, as Open WebUI does.
 *
 * @param claim         {@code OAUTH_PICTURE_CLAIM}; empty for no picture handling
 * @param updateOnLogin {@code OAUTH_UPDATE_PICTURE_ON_LOGIN}
 */
public record PictureSync(String claim, boolean updateOnLogin) {

    public PictureSync {
        Objects.requireNonNull(claim, "claim");
    }

    /** Open WebUI's defaults: the {@code picture} claim for new accounts, no update on login. */
    public static PictureSync defaults() {
        return new PictureSync("picture", false);
    }

    /**
     * Whether the provider's own picture endpoint is to be asked: picture handling is on and the claims hold no value
     * for the claim (absent, or empty text), as Open WebUI's {@code user_data.get(claim, provider picture_url)}.
     */
    public boolean asksProviderIn(Map<String, ?> claims) {
        Object value = claims.get(claim);
        return !claim.isEmpty() && (value == null || value instanceof String && ((String) value).isBlank());
    }

    /** The picture's address, when the claim holds an absolute http(s) URL. */
    public Optional<URI> urlIn(Map<String, ?> claims) {
        Object value = claim.isEmpty() ? null : claims.get(claim);
        if (!(value instanceof String)) {
            return Optional.empty();
        }
        try {
            URI url = new URI(((String) value).strip());
            boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
            return web && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
