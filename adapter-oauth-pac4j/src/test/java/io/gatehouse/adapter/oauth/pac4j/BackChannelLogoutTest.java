package io.gatehouse.adapter.oauth.pac4j;

import io.gatehouse.adapter.oauth.pac4j.testing.StandInProvider;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LogoutNotice;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every check of OpenID Connect Back-Channel Logout 1.0 §2.6, one token per way of failing it, on a fixed clock. */
class BackChannelLogoutTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final JOSEObjectType LOGOUT = new JOSEObjectType("logout+jwt");
    private static StandInProvider provider;
    private static IdentityProviders providers;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
        providers = Pac4jIdentityProviders.of(List.of(provider.settings(),
                ProviderSettings.github("github-client", "github-secret")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    /** A valid logout token's claims, for one test to spoil. */
    private static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().issuer(provider.issuer().toString()).audience(StandInProvider.CLIENT_ID)
                .issueTime(Date.from(NOW.minusSeconds(5))).jwtID("jti-" + System.nanoTime())
                .subject("alice").claim("sid", "session-1")
                .claim("events", Map.of(LogoutTokenChecks.EVENT, Map.of()));
    }

    private static LogoutTokenOutcome check(String token) {
        return providers.find("standin").orElseThrow().validateLogoutToken(token);
    }

    @Test
    void aValidTokenNamesTheSubjectTheSessionAndHowLongToRememberItsId() {
        JWTClaimsSet claims = valid().jwtID("jti-1").build();

        LogoutTokenOutcome outcome = providers.validateLogoutToken(provider.sign(claims, LOGOUT));

        assertEquals(new LogoutTokenOutcome.Valid(new LogoutNotice("standin", provider.issuer().toString(),
                Optional.of("alice"), Optional.of("session-1"), "jti-1", NOW.minusSeconds(5),
                NOW.minusSeconds(5).plus(LogoutTokenChecks.MAX_AGE).plusSeconds(30))), outcome);
    }

    @Test
    void aSubjectAloneOrASessionAloneIsEnoughAndTypMayBeAbsent() {
        assertValid(provider.sign(valid().claim("sid", null).build(), LOGOUT));
        assertValid(provider.sign(valid().subject(null).build(), LOGOUT));
        assertValid(provider.sign(valid().build(), null));
    }

    @Test
    void anExpiryBeforeTheMaximumAgeShortensHowLongTheIdIsRemembered() {
        LogoutTokenOutcome outcome = check(provider.sign(valid().expirationTime(Date.from(NOW.plusSeconds(60))).build(),
                LOGOUT));

        assertEquals(NOW.plusSeconds(90),
                ((LogoutTokenOutcome.Valid) outcome).notice().rememberUntil());
    }

    @Test
    void aTokenSignedWithARotatedKeyIsAcceptedOnceTheNewKeysAreFetched() {
        // its own adapter: the JWKS may be refetched for an unknown key only once in 30 seconds, and the forged-key
        // case of the other tests may have used that chance already
        var own = Pac4jIdentityProviders.of(List.of(provider.settings()), Clock.fixed(NOW, ZoneOffset.UTC))
                .find("standin").orElseThrow();
        assertEquals(LogoutTokenOutcome.Valid.class, own.validateLogoutToken(provider.sign(valid().build(), LOGOUT))
                .getClass());
        int fetches = provider.jwksFetches();

        provider.rotateKey();

        assertEquals(LogoutTokenOutcome.Valid.class, own.validateLogoutToken(provider.sign(valid().build(), LOGOUT))
                .getClass());
        assertEquals(fetches + 1, provider.jwksFetches());
    }

    static Stream<Arguments> spoiledTokens() {
        return Stream.of(
                spoiled("not a JWT", LogoutTokenRefusal.MALFORMED, () -> "not.a.jwt"),
                spoiled("alg none", LogoutTokenRefusal.UNSIGNED, () -> new PlainJWT(valid().build()).serialize()),
                spoiled("signed with an unpublished key", LogoutTokenRefusal.BAD_SIGNATURE,
                        () -> provider.forge(valid().build(), LOGOUT)),
                spoiled("typ JWT", LogoutTokenRefusal.WRONG_TYPE, () -> provider.sign(valid().build(), JOSEObjectType.JWT)),
                spoiled("another issuer", LogoutTokenRefusal.WRONG_ISSUER, claims -> claims.issuer("https://evil.example")),
                spoiled("another audience", LogoutTokenRefusal.WRONG_AUDIENCE, claims -> claims.audience("someone-else")),
                spoiled("no iat", LogoutTokenRefusal.MISSING_ISSUED_AT, claims -> claims.issueTime(null)),
                spoiled("iat in the future", LogoutTokenRefusal.ISSUED_AT_OUT_OF_RANGE,
                        claims -> claims.issueTime(Date.from(NOW.plusSeconds(120)))),
                spoiled("iat too old", LogoutTokenRefusal.ISSUED_AT_OUT_OF_RANGE,
                        claims -> claims.issueTime(Date.from(NOW.minus(LogoutTokenChecks.MAX_AGE).minusSeconds(60)))),
                spoiled("expired", LogoutTokenRefusal.EXPIRED,
                        claims -> claims.expirationTime(Date.from(NOW.minusSeconds(60)))),
                spoiled("no events", LogoutTokenRefusal.MISSING_EVENT, claims -> claims.claim("events", null)),
                spoiled("another event", LogoutTokenRefusal.MISSING_EVENT,
                        claims -> claims.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of()))),
                spoiled("the event not an object", LogoutTokenRefusal.MISSING_EVENT,
                        claims -> claims.claim("events", Map.of(LogoutTokenChecks.EVENT, "yes"))),
                spoiled("events a list", LogoutTokenRefusal.MISSING_EVENT,
                        claims -> claims.claim("events", List.of(LogoutTokenChecks.EVENT))),
                spoiled("a nonce", LogoutTokenRefusal.NONCE_PRESENT, claims -> claims.claim("nonce", "n-0S6_WzA2Mj")),
                spoiled("neither sub nor sid", LogoutTokenRefusal.MISSING_SUBJECT_AND_SESSION,
                        claims -> claims.subject(null).claim("sid", null)),
                spoiled("no jti", LogoutTokenRefusal.MISSING_TOKEN_ID, claims -> claims.jwtID(null)));
    }

    private static Arguments spoiled(String what, LogoutTokenRefusal reason, UnaryOperator<JWTClaimsSet.Builder> spoil) {
        return spoiled(what, reason, () -> provider.sign(spoil.apply(valid()).build(), LOGOUT));
    }

    private static Arguments spoiled(String what, LogoutTokenRefusal reason, java.util.function.Supplier<String> token) {
        return Arguments.of(what, reason, token);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("spoiledTokens")
    void aTokenFailingOneCheckIsRefusedForThatReason(String what, LogoutTokenRefusal reason,
                                                     java.util.function.Supplier<String> token) {
        assertEquals(new LogoutTokenOutcome.Refused(reason), check(token.get()));
    }

    @Test
    void aTokenFromAnIssuerNoProviderHasIsRefused() {
        String token = provider.sign(valid().issuer("https://evil.example").build(), LOGOUT);

        assertEquals(new LogoutTokenOutcome.Refused(LogoutTokenRefusal.UNKNOWN_ISSUER),
                providers.validateLogoutToken(token));
        assertEquals(new LogoutTokenOutcome.Refused(LogoutTokenRefusal.MALFORMED),
                providers.validateLogoutToken("garbage"));
    }

    @Test
    void aPlainOAuthProviderHasNoBackChannelLogout() {
        assertEquals(new LogoutTokenOutcome.Refused(LogoutTokenRefusal.NOT_SUPPORTED),
                providers.find("github").orElseThrow().validateLogoutToken(provider.sign(valid().build(), LOGOUT)));
    }

    private static void assertValid(String token) {
        LogoutTokenOutcome outcome = check(token);
        assertEquals(LogoutTokenOutcome.Valid.class, outcome.getClass(), outcome.toString());
    }
}
