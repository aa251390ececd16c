package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.Kind;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings.TokenEndpointAuthMethod;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderSettingsTest {

    @Test
    void eachKindStartsFromOpenWebUisDefaults() {
        assertEquals(Optional.of(URI.create("https://accounts.google.com/.well-known/openid-configuration")),
                ProviderSettings.google("id", "secret").discoveryUrl());
        assertEquals(List.of("openid", "email", "profile"), ProviderSettings.google("id", "secret").scopes());
        assertEquals(List.of("user:email"), ProviderSettings.github("id", "secret").scopes());
        assertEquals("id", ProviderSettings.github("id", "secret").effectiveSubjectClaim());
        assertEquals("user_id", ProviderSettings.feishu("id", "secret").effectiveSubjectClaim());
        assertEquals("sub", ProviderSettings.github("id", "secret").withSubjectClaim("sub").effectiveSubjectClaim());
        assertEquals("SSO", ProviderSettings.openId("oidc", "id", Optional.empty(), URI.create("https://idp/x")).displayName());
    }

    @Test
    void microsoftsDiscoveryUrlNamesTheTenantAndTheClient() {
        assertEquals(URI.create("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/"
                        + ".well-known/openid-configuration?appid=app%2B1"),
                ProviderSettings.microsoft("app+1", "secret", "contoso.onmicrosoft.com").discoveryUrl().orElseThrow());
        assertEquals(URI.create("https://login.microsoftonline.us/t/v2.0/.well-known/openid-configuration?appid=a"),
                ProviderSettings.microsoft("a", "s", "t", URI.create("https://login.microsoftonline.us/"))
                        .discoveryUrl().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.microsoft("a", "s", "../evil"));
        assertEquals(Optional.of(URI.create("https://graph.microsoft.com/v1.0/me/photo/$value")),
                ProviderSettings.microsoft("a", "s", "t").pictureUrl(), "Open WebUI's MICROSOFT_CLIENT_PICTURE_URL");
        assertEquals(Optional.empty(), ProviderSettings.google("a", "s").pictureUrl());
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.microsoft("a", "s", "t")
                .withPictureUrl(Optional.of(URI.create("file:///etc/passwd"))));
    }

    @Test
    void settingsThatCannotWorkAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.github("", "secret"));
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.github("id", ""));
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.google("id", "s").withId("Not Valid"));
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.openId("oidc", "id", Optional.empty(),
                URI.create("https://idp/x")).withTokenEndpointAuthMethod(TokenEndpointAuthMethod.CLIENT_SECRET_POST));
        assertThrows(IllegalArgumentException.class, () -> TokenEndpointAuthMethod.parse("private_key_jwt"));
        assertEquals(TokenEndpointAuthMethod.CLIENT_SECRET_POST, TokenEndpointAuthMethod.parse(" client_secret_post"));
        assertThrows(IllegalArgumentException.class, () -> Pac4jIdentityProviders.of(List.of(
                ProviderSettings.google("a", "b"), ProviderSettings.google("c", "d"))));
    }

    @Test
    void theSecretsNeverShowInToString() {
        ProviderSettings apple = ProviderSettings.apple("com.example.web",
                new ProviderSettings.AppleKey("TEAM", "KEY", "-----BEGIN PRIVATE KEY-----\nsecret-key\n-----END PRIVATE KEY-----"));
        ProviderSettings google = ProviderSettings.google("id", "the-client-secret")
                .withAuthorizeParams(Map.of("hd", "corp.example"));

        assertFalse(google.toString().contains("the-client-secret"), google.toString());
        assertFalse(apple.toString().contains("secret-key"), apple.toString());
        assertTrue(google.toString().contains("hd"));
        assertEquals(Kind.APPLE, apple.kind());
    }
}
