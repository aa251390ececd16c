package io.gatehouse.application.service.oauth;

import io.gatehouse.application.fake.FakeIdentityProviders;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.oauth.BackChannelLogoutUseCase;
import io.gatehouse.application.port.in.oauth.BeginOAuthLoginUseCase.Redirect;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.in.oauth.DeleteProviderSessionsUseCase;
import io.gatehouse.application.port.in.oauth.GetProviderAccessTokenUseCase.Query;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.out.IdpSessionRepository.IdpSession;
import io.gatehouse.application.port.out.oauth.LogoutNotice;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;
import io.gatehouse.application.port.out.oauth.ProviderTokens;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import io.gatehouse.application.port.out.oauth.RefreshRefusal;
import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What single sign-on leaves at the provider: sealed tokens, refresh, sign-out, deletion, back-channel logout. */
class ProviderSessionsTest {

    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");
    private static final URI CALLBACK = URI.create("https://chat.example.org/oauth/oidc/login/callback");

    private TestGatehouse gatehouse;

    @BeforeEach
    void anInstanceWithSingleSignOn() {
        gatehouse = new TestGatehouse();
        gatehouse.signedUp("root@example.org");
        OAuthPolicy d = OAuthPolicy.defaults();
        gatehouse.useOAuthPolicy(new OAuthPolicy(true, false, d.emailClaim(), d.usernameClaim(), false, List.of("*"),
                false, false, RoleMapping.off(), false, new ClaimMapping("groups", ";"), false, List.of()));
        gatehouse.identityProviders.vouchFor("ann", Map.of("sub", "s-ann", "email", "ann@example.org", "sid", "idp-1"));
        gatehouse.identityProviders.accessTokensExpireAt = Optional.of(gatehouse.clock.instant().plusSeconds(3600));
    }

    private CompleteOAuthLoginUseCase.Result.SignedIn login(String code) {
        Redirect redirect = gatehouse.beginOAuthLogin.begin(FakeIdentityProviders.ID, CALLBACK).orElseThrow();
        String state = redirect.authorizationUrl().getQuery().substring("state=".length());
        return assertInstanceOf(CompleteOAuthLoginUseCase.Result.SignedIn.class, gatehouse.completeOAuthLogin.complete(
                new CompleteOAuthLoginUseCase.Command(FakeIdentityProviders.ID, Map.of("code", code, "state", state),
                        Optional.of(redirect.loginKey()), FROM)));
    }

    private Optional<String> accessToken(UserId user, String session) {
        return gatehouse.providerAccessToken.accessToken(new Query(user, session));
    }

    @Test
    void theProvidersTokensAreKeptSealedAndAtMostThreeSessionsPerUserAndProvider() {
        CompleteOAuthLoginUseCase.Result.SignedIn first = login("ann");
        IdpSession stored = gatehouse.idpSessions.findById(first.idpSessionId()).orElseThrow();

        assertFalse(stored.sealedTokens().contains("access-ann"), stored.sealedTokens());
        assertFalse(stored.sealedTokens().contains("refresh-ann"));
        assertEquals(Optional.of("idp-1"), stored.providerSessionId());
        for (int i = 0; i < 3; i++) {
            gatehouse.clock.advance(Duration.ofSeconds(1));
            login("ann");
        }
        UserId ann = first.session().user().id();
        assertEquals(3, gatehouse.idpSessions.findByUser(ann, FakeIdentityProviders.ID).size());
        assertEquals(Optional.empty(), gatehouse.idpSessions.findById(first.idpSessionId()), "the oldest went");
    }

    @Test
    void aFreshAccessTokenIsHandedOutAsItIsAndOnlyToItsUser() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");

        assertEquals(Optional.of("access-ann"), accessToken(ann.session().user().id(), ann.idpSessionId()));
        assertEquals(Optional.empty(), accessToken(UserId.random(), ann.idpSessionId()));
        assertEquals(0, gatehouse.identityProviders.refreshes.get());
    }

    @Test
    void nearExpiryTwentyConcurrentCallersCauseOneRefresh() throws Exception {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");
        Instant later = gatehouse.clock.instant().plusSeconds(7200);
        gatehouse.identityProviders.refreshAnswer = new RefreshOutcome.Refreshed(new ProviderTokens("access-2",
                Optional.of("refresh-2"), Optional.empty(), Optional.of(later), Optional.empty()));
        gatehouse.clock.advance(Duration.ofMinutes(56)); // four minutes left: inside the five-minute margin
        Set<Optional<String>> answers = ConcurrentHashMap.newKeySet();

        runTogether(20, () -> answers.add(accessToken(ann.session().user().id(), ann.idpSessionId())));

        assertEquals(1, gatehouse.identityProviders.refreshes.get());
        assertEquals(Set.of(Optional.of("access-2")), answers, "every caller waited for the one refresh");
        assertEquals(0, gatehouse.providerAccessToken.sessionsInProgress(),
                "no lock left behind");
        IdpSession stored = gatehouse.idpSessions.findById(ann.idpSessionId()).orElseThrow();
        assertEquals(Optional.of(later), stored.expiresAt());
        assertFalse(stored.sealedTokens().contains("access-2"));
    }

    @Test
    void aRefusedRefreshDeletesTheSessionButAnUnreachableProviderDoesNot() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");
        UserId user = ann.session().user().id();
        gatehouse.clock.advance(Duration.ofMinutes(58));

        gatehouse.identityProviders.refreshAnswer = new RefreshOutcome.Refused(RefreshRefusal.PROVIDER_UNREACHABLE);
        assertEquals(Optional.of("access-ann"), accessToken(user, ann.idpSessionId()), "still valid for two minutes");
        gatehouse.identityProviders.refreshAnswer = new RefreshOutcome.Refused(RefreshRefusal.REJECTED);
        assertEquals(Optional.empty(), accessToken(user, ann.idpSessionId()));

        assertEquals(Optional.empty(), gatehouse.idpSessions.findById(ann.idpSessionId()));
    }

    @Test
    void signingOutDeletesTheSessionAndAnswersTheProvidersLogoutUrl() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");

        SignOutUseCase.Result result = gatehouse.signOut.signOut(new SignOutUseCase.Command(
                Optional.of(ann.session().token().value()), Optional.of(ann.idpSessionId())));

        assertEquals(Optional.of("https://idp.example/logout?id_token_hint=id-token-ann"), result.redirectUrl());
        assertEquals(Optional.empty(), gatehouse.idpSessions.findById(ann.idpSessionId()));
    }

    @Test
    void aUserDeletesTheirSessionsAtAProvider() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");
        UserId user = ann.session().user().id();

        assertTrue(gatehouse.deleteProviderSessions.delete(new DeleteProviderSessionsUseCase.Command(user, "oidc")));
        assertFalse(gatehouse.deleteProviderSessions.delete(new DeleteProviderSessionsUseCase.Command(user, "oidc")));
    }

    @Test
    void aBackChannelLogoutRevokesTheUsersTokensDurablyDeletesTheirSessionsAndIsAcceptedOnce() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");
        Instant now = gatehouse.clock.instant();
        gatehouse.identityProviders.logoutAnswer = new LogoutTokenOutcome.Valid(new LogoutNotice("oidc",
                "https://idp.example", Optional.of("s-ann"), Optional.empty(), "jti-1", now, now.plusSeconds(120)));

        assertEquals(new BackChannelLogoutUseCase.Result.LoggedOut(1), gatehouse.backChannelLogout.logOut("token"));

        assertInstanceOf(AuthenticateUseCase.Result.Refused.class, gatehouse.authenticate.authenticate(
                new AuthenticateUseCase.Command(ann.session().token().value(), "/api/v1/auths/")));
        assertEquals(Optional.empty(), gatehouse.idpSessions.findById(ann.idpSessionId()));
        assertEquals(new BackChannelLogoutUseCase.Result.Refused("Invalid logout_token: replayed"),
                gatehouse.backChannelLogout.logOut("token"));
    }

    @Test
    void aBackChannelLogoutBySessionIdFindsTheUserTooAndRefusalsAreExplained() {
        CompleteOAuthLoginUseCase.Result.SignedIn ann = login("ann");
        Instant now = gatehouse.clock.instant();
        gatehouse.identityProviders.logoutAnswer = new LogoutTokenOutcome.Valid(new LogoutNotice("oidc",
                "https://idp.example", Optional.empty(), Optional.of("idp-1"), "jti-2", now, now.plusSeconds(120)));
        assertEquals(new BackChannelLogoutUseCase.Result.LoggedOut(1), gatehouse.backChannelLogout.logOut("t"));
        assertEquals(Optional.empty(), gatehouse.idpSessions.findById(ann.idpSessionId()));

        gatehouse.identityProviders.logoutAnswer = new LogoutTokenOutcome.Refused(LogoutTokenRefusal.NONCE_PRESENT);
        assertEquals(new BackChannelLogoutUseCase.Result.Refused("Invalid logout_token: nonce present"),
                gatehouse.backChannelLogout.logOut("t"));
        gatehouse.backChannelLogout(false);
        assertEquals(new BackChannelLogoutUseCase.Result.NotEnabled(), gatehouse.backChannelLogout.logOut("t"));
    }
}
