package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import org.junit.jupiter.api.Test;
import org.pac4j.oidc.client.OidcClient;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign in with Apple: its endpoints are fixed, so these checks need no network. */
class AppleTest {

    @Test
    void theLoginGoesToAppleWithFormPostStateAndNonce() throws Exception {
        IdentityProvider apple = Pac4jIdentityProviders.of(List.of(ProviderSettings.apple("com.example.web",
                new ProviderSettings.AppleKey("TEAM1", "KEY1", pem(newKey()))))).find("apple").orElseThrow();

        LoginRedirect redirect = apple.beginLogin(URI.create("https://chat.example/oauth/apple/callback"));
        Map<String, String> request = Browser.query(redirect.authorizationUrl());

        assertTrue(redirect.authorizationUrl().toString().startsWith("https://appleid.apple.com/auth/authorize?"));
        assertEquals("form_post", request.get("response_mode"));
        assertEquals("openid name email", request.get("scope"));
        assertEquals(redirect.kept().state(), request.get("state"));
        assertEquals(redirect.kept().nonce().orElseThrow(), request.get("nonce"));
    }

    @Test
    void theClientSecretIsAnEs256JwtSignedWithTheKey() throws Exception {
        ECKey key = newKey();
        OidcClient client = OidcConfigurations.client(ProviderSettings.apple("com.example.web",
                new ProviderSettings.AppleKey("TEAM1", "KEY1", pem(key))));
        client.init();

        SignedJWT secret = SignedJWT.parse(client.getConfiguration().getSecret());

        assertTrue(secret.verify(new ECDSAVerifier(key.toECPublicKey())));
        assertEquals("KEY1", secret.getHeader().getKeyID());
        assertEquals("TEAM1", secret.getJWTClaimsSet().getIssuer());
        assertEquals("com.example.web", secret.getJWTClaimsSet().getSubject());
        assertEquals(List.of("https://appleid.apple.com"), secret.getJWTClaimsSet().getAudience());
    }

    @Test
    void aKeyThatIsNotAnEcKeyIsRefusedWithoutQuotingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> OidcConfigurations.ecPrivateKey("-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5\n-----END PRIVATE KEY-----"));
        assertTrue(!refused.getMessage().contains("bm90LWEta2V5"));
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).generate();
    }

    private static String pem(ECKey key) throws Exception {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toECPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
