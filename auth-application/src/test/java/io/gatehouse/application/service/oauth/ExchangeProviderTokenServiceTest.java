package io.gatehouse.application.service.oauth;

import io.gatehouse.application.fake.FakeIdentityProviders;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase.Redirect;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase.Command;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase.Refusal;
import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase.Result;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ExchangeProviderTokenServiceTest {

    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");

    private TestGatehouse gatehouse;
    private OAuthPolicy policy;

    @BeforeEach
    void anInstance() {
        gatehouse = new TestGatehouse();
        gatehouse.signedUp("root@example.org");
        OAuthPolicy d = OAuthPolicy.defaults();
        policy = new OAuthPolicy(true, true, d.emailClaim(), d.usernameClaim(), false,
                List.of("example.org"), false, false, RoleMapping.off(), false, new ClaimMapping("groups", ";"), false,
                List.of());
        gatehouse.useOAuthPolicy(policy);
    }

    private Result exchange(String token) {
        return gatehouse.exchangeProviderToken.exchange(new Command("OIDC", token, FROM));
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason);
    }

    @Test
    void aTokenOfAnIdentityThatSignedInBeforeGivesItsAccount() {
        gatehouse.identityProviders.vouchFor("ann", Map.of("sub", "s-ann", "email", "ann@example.org"));
        Redirect redirect = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, URI.create("https://x/cb"))
                .orElseThrow();
        String state = redirect.authorizationUrl().getQuery().substring("state=".length());
        User ann = assertInstanceOf(CompleteOAuthLoginUseCase.Result.SignedIn.class, gatehouse.completeOAuthLogin
                .complete(new CompleteOAuthLoginUseCase.Command(FakeIdentityProviders.ID,
                        Map.of("code", "ann", "state", state), Optional.of(redirect.loginKey()), FROM)))
                .session().user();

        Result.SignedIn exchanged = assertInstanceOf(Result.SignedIn.class, exchange("ann"));

        assertEquals(ann.id(), exchanged.session().user().id());
    }

    @Test
    void noAccountIsCreatedAndOnlyAVerifiedEmailJoinsOne() {
        User bob = user("bob@example.org");
        gatehouse.users.insert(bob, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        gatehouse.identityProviders.vouchFor("stranger", Map.of("sub", "s-x", "email", "new@example.org"));
        gatehouse.identityProviders.vouchFor("bob-unverified", Map.of("sub", "s-b", "email", "bob@example.org"));
        gatehouse.identityProviders.vouchFor("bob-verified", Map.of("sub", "s-b", "email", "bob@example.org",
                "email_verified", true));

        assertEquals(refused(Refusal.NO_ACCOUNT), exchange("stranger"));
        assertEquals(refused(Refusal.NO_ACCOUNT), exchange("bob-unverified"));
        assertEquals(bob.id(), assertInstanceOf(Result.SignedIn.class, exchange("bob-verified")).session().user().id());
        assertEquals(2, gatehouse.users.count());
    }

    @Test
    void unknownTokensProvidersEmailsAndDomainsAreRefused() {
        gatehouse.identityProviders.vouchFor("no-mail", Map.of("sub", "s-1"));
        gatehouse.identityProviders.vouchFor("elsewhere", Map.of("sub", "s-2", "email", "eve@evil.example"));

        assertEquals(refused(Refusal.INVALID_TOKEN), exchange("unknown"));
        assertEquals(refused(Refusal.MISSING_EMAIL), exchange("no-mail"));
        assertEquals(refused(Refusal.DOMAIN_NOT_ALLOWED), exchange("elsewhere"));
        assertEquals(refused(Refusal.UNKNOWN_PROVIDER),
                gatehouse.exchangeProviderToken.exchange(new Command("nope", "x", FROM)));
    }

    @Test
    void withTrustedClientsOnlyTokensIssuedToThemAreExchanged() {
        User bob = user("bob@example.org");
        gatehouse.users.insert(bob, Credential.none(), FirstUserPolicy.KEEP_ROLE);
        for (String token : List.of("from-app", "from-elsewhere", "unintrospectable")) {
            gatehouse.identityProviders.vouchFor(token, Map.of("sub", "s-b", "email", "bob@example.org",
                    "email_verified", true));
        }
        gatehouse.identityProviders.tokenClients.put("from-app", "mobile-app");
        gatehouse.identityProviders.tokenClients.put("from-elsewhere", "some-other-app");
        assertInstanceOf(Result.SignedIn.class, exchange("from-elsewhere"), "no list: any token the provider knows");

        gatehouse.trustTokensOf(java.util.Set.of("mobile-app", "desktop-app"));
        gatehouse.useOAuthPolicy(policy);

        assertEquals(bob.id(), assertInstanceOf(Result.SignedIn.class, exchange("from-app")).session().user().id());
        assertEquals(refused(Refusal.UNTRUSTED_CLIENT), exchange("from-elsewhere"));
        assertEquals(refused(Refusal.UNKNOWN_TOKEN_CLIENT), exchange("unintrospectable"));
    }

    @Test
    void attemptsFromOneAddressAreLimitedBeforeTheProviderIsAsked() {
        for (int i = 0; i < 10; i++) {
            assertEquals(refused(Refusal.INVALID_TOKEN), exchange("guess-" + i));
        }

        assertEquals(refused(Refusal.RATE_LIMITED), exchange("guess-10"));
    }
}
