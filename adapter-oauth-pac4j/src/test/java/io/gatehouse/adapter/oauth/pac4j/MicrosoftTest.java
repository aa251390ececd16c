package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRedirect;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Microsoft Entra ID for every tenant ({@code MICROSOFT_CLIENT_TENANT_ID=common}), against a stand-in whose discovery
 * document, like Microsoft's, publishes the issuer template {@code .../{tenantid}/v2.0}.
 */
class MicrosoftTest {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/oauth/microsoft/login/callback");
    private static final String CONTOSO = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final String FABRIKAM = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static StandInProvider provider;
    private static IdentityProvider microsoft;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
        provider.publishIssuer(provider.issuer() + "/{tenantid}/v2.0");
        microsoft = Pac4jIdentityProviders.of(List.of(ProviderSettings.microsoft(StandInProvider.CLIENT_ID,
                StandInProvider.CLIENT_SECRET, "common", provider.issuer()))).find("microsoft").orElseThrow();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void honest() {
        provider.shapeIdToken(UnaryOperator.identity());
    }

    private static String issuerOf(String tenant) {
        return provider.issuer() + "/" + tenant + "/v2.0";
    }

    private static LoginOutcome loginWith(UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> idToken) {
        provider.shapeIdToken(idToken);
        LoginRedirect redirect = microsoft.beginLogin(REDIRECT);
        return microsoft.completeLogin(LoginCallback.fromParameters(Browser.authorize(redirect.authorizationUrl())),
                redirect.kept());
    }

    @Test
    void anIdTokenNamingItsOwnTenantAsIssuerSignsIn() {
        LoginOutcome contoso = loginWith(claims -> claims.issuer(issuerOf(CONTOSO)).claim("tid", CONTOSO));
        LoginOutcome fabrikam = loginWith(claims -> claims.issuer(issuerOf(FABRIKAM)).claim("tid", FABRIKAM));

        assertEquals(CONTOSO, assertInstanceOf(LoginOutcome.SignedIn.class, contoso, contoso.toString()).identity()
                .claims().get("tid"));
        assertInstanceOf(LoginOutcome.SignedIn.class, fabrikam, fabrikam.toString());
    }

    @Test
    void anyOtherIssuerIsRefused() {
        assertEquals(new LoginOutcome.Refused(LoginRefusal.WRONG_ISSUER),
                loginWith(claims -> claims.issuer(issuerOf(FABRIKAM)).claim("tid", CONTOSO)), "another tenant's");
        assertEquals(new LoginOutcome.Refused(LoginRefusal.WRONG_ISSUER),
                loginWith(claims -> claims.issuer(issuerOf(CONTOSO))), "no tid to check it against");
        assertEquals(new LoginOutcome.Refused(LoginRefusal.WRONG_ISSUER),
                loginWith(claims -> claims.issuer(provider.issuer() + "/{tenantid}/v2.0").claim("tid", CONTOSO)),
                "the template itself");
        assertEquals(new LoginOutcome.Refused(LoginRefusal.WRONG_ISSUER),
                loginWith(claims -> claims.issuer(issuerOf("x/../" + CONTOSO)).claim("tid", "x/../" + CONTOSO)),
                "a tid that is no tenant id");
        assertEquals(new LoginOutcome.Refused(LoginRefusal.WRONG_ISSUER),
                loginWith(claims -> claims.issuer(provider.issuer().toString()).claim("tid", CONTOSO)));
    }

    @Test
    void theGraphPictureEndpointIsTheConfiguredOneAndOnlyThat() {
        assertEquals(Optional.of(ProviderSettings.MICROSOFT_GRAPH_PHOTO), microsoft.pictureUrl());
        IdentityProvider elsewhere = Pac4jIdentityProviders.of(List.of(ProviderSettings.microsoft("a", "s", "common")
                .withPictureUrl(Optional.of(provider.photoUrl())))).all().get(0);
        assertEquals(Optional.of(provider.photoUrl()), elsewhere.pictureUrl());
    }
}
