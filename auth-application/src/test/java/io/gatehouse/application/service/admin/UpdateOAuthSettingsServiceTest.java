package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.admin.UpdateOAuthSettingsUseCase.Command;
import io.gatehouse.application.port.in.admin.UpdateOAuthSettingsUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.OpenIdClient;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateOAuthSettingsServiceTest {

    private final TestGatehouse gatehouse = new TestGatehouse();
    private final UserId admin = gatehouse.signedUp("root@example.org").user().id();

    private static OpenIdClient client(String clientId, Optional<String> secret, Optional<String> authMethod) {
        OpenIdClient d = OpenIdClient.defaults();
        return new OpenIdClient("Corp SSO", Optional.of(URI.create("https://sso.example.org/.well-known/openid-configuration")),
                clientId, secret, d.redirectUri(), d.scopes(), d.codeChallengeMethod(), authMethod,
                d.endSessionEndpoint(), d.timeout(), d.subClaim(), d.audience());
    }

    @Test
    void aChangeIsPutInForceAndAnnounced() {
        Result result = gatehouse.updateOAuthSettings.update(new Command(admin,
                oauth -> oauth.withOpenId(client("gatehouse", Optional.of("s3cret"), Optional.empty()))));

        OAuthSettings updated = assertInstanceOf(Result.Updated.class, result).settings();
        assertTrue(updated.openId().isConfigured());
        assertEquals(updated, gatehouse.settings.current().oauth());
        assertEquals(admin, gatehouse.events.ofType(AuthEvent.SettingsChanged.class).get(0).by());
    }

    @Test
    void aValueTheDomainRefusesChangesNothingAndSaysWhy() {
        OAuthSettings before = gatehouse.settings.current().oauth();

        Result result = gatehouse.updateOAuthSettings.update(new Command(admin,
                oauth -> oauth.withOpenId(client("gatehouse", Optional.empty(), Optional.of("client_secret_post")))));

        assertEquals("OAUTH_TOKEN_ENDPOINT_AUTH_METHOD client_secret_post needs OAUTH_CLIENT_SECRET",
                assertInstanceOf(Result.Refused.class, result).problem());
        assertEquals(before, gatehouse.settings.current().oauth());
        assertFalse(gatehouse.events.ofType(AuthEvent.SettingsChanged.class).stream().findAny().isPresent());
    }
}
