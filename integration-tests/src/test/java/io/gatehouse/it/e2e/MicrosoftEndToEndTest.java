package io.gatehouse.it.e2e;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Microsoft Entra ID for every tenant ({@code MICROSOFT_CLIENT_TENANT_ID=common}) through the standalone server,
 * against a stand-in that publishes Microsoft's issuer template and serves a Graph-like photo endpoint.
 */
class MicrosoftEndToEndTest {

    private static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String FABRIKAM = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static StandInProvider provider;
    private static E2eServer server;
    private final Browser browser = new Browser();

    @BeforeAll
    static void start() throws IOException {
        provider = new StandInProvider();
        provider.publishIssuer(provider.issuer() + "/{tenantid}/v2.0");
        provider.answerUserInfo(Map.of("email", "alice@contoso.example", "name", "Alice"));
        server = E2eServer.start("MICROSOFT_CLIENT_ID", StandInProvider.CLIENT_ID,
                "MICROSOFT_CLIENT_SECRET", StandInProvider.CLIENT_SECRET, "MICROSOFT_CLIENT_TENANT_ID", "common",
                "MICROSOFT_CLIENT_LOGIN_BASE_URL", provider.issuer().toString(),
                "MICROSOFT_CLIENT_PICTURE_URL", provider.photoUrl().toString(),
                "OAUTH_PICTURE_ALLOW_PRIVATE_ADDRESSES", "true", "ENABLE_OAUTH_SIGNUP", "true");
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    private HttpResponse<String> loginAs(String tenant, String issuerTenant) {
        provider.shapeIdToken(claims -> claims.issuer(provider.issuer() + "/" + issuerTenant + "/v2.0")
                .claim("tid", tenant));
        HttpResponse<String> back = browser.signIn("http://127.0.0.1:" + server.client.port(), "microsoft",
                UnaryOperator.identity());
        assertEquals(302, back.statusCode(), back.body());
        return back;
    }

    @Test
    void aUserOfAnyTenantSignsInWithTheirGraphPictureAndNoOtherIssuerPasses() {
        int photoRequests = provider.photoRequests().size();
        HttpResponse<String> contoso = loginAs(CONTOSO, CONTOSO);
        HttpResponse<String> mixedUp = loginAs(CONTOSO, FABRIKAM);

        String token = contoso.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("token="))
                .findFirst().orElseThrow().split(";", 2)[0].substring("token=".length());
        Map<?, ?> alice = (Map<?, ?>) server.client.get("/api/v1/auths/", "Authorization", "Bearer " + token).json();
        assertEquals("alice@contoso.example", alice.get("email"));
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}), alice.get("profile_image_url"));
        assertEquals(photoRequests + 1, provider.photoRequests().size());
        assertTrue(provider.photoRequests().get(photoRequests).startsWith("Bearer access-"),
                "asked with the user's access token");
        String location = mixedUp.headers().firstValue("Location").orElseThrow();
        assertEquals("OAuth callback failed: wrong issuer",
                URLDecoder.decode(location.substring(location.indexOf("error=") + 6), StandardCharsets.UTF_8));
    }
}
