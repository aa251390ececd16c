package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.application.port.out.oauth.LogoutNotice;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.port.out.oauth.LogoutTokenRefusal;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of OpenID Connect Back-Channel Logout 1.0 §2.6 on a logout token, in the spec's order, each with its own
 * refusal reason. Written here rather than left to pac4j, whose logout processing keeps sessions of its own and
 * collapses every failure into one "bad request".
 */
final class LogoutTokenChecks {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be; the caller must remember its jti at least that long. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Set<String> LOGOUT_TYPES = Set.of("logout+jwt", "application/logout+jwt");

    private final String provider;
    private final String issuer;
    private final String clientId;
    private final Set<JWSAlgorithm> algorithms;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;
    private final Duration skew;

    LogoutTokenChecks(String provider, String issuer, String clientId, Set<JWSAlgorithm> algorithms,
                      JWKSource<SecurityContext> keys, Clock clock, Duration skew) {
        this.provider = provider;
        this.issuer = issuer;
        this.clientId = clientId;
        this.algorithms = Set.copyOf(algorithms);
        this.keys = keys;
        this.clock = clock;
        this.skew = skew;
    }

    /** The issuer named by a token, read without any check: only to choose whose keys to check it with. */
    static Optional<String> unverifiedIssuer(String token) {
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }

    LogoutTokenOutcome check(String token) {
        JWT parsed;
        JWTClaimsSet claims;
        try {
            parsed = JWTParser.parse(token);
            claims = parsed.getJWTClaimsSet();
        } catch (ParseException unreadable) {
            return refused(LogoutTokenRefusal.MALFORMED);
        }
        if (parsed instanceof PlainJWT) {
            return refused(LogoutTokenRefusal.UNSIGNED);
        }
        if (!(parsed instanceof SignedJWT signed)) {
            return refused(LogoutTokenRefusal.MALFORMED); // encrypted: no key to decrypt with
        }
        JOSEObjectType type = signed.getHeader().getType();
        if (type != null && !LOGOUT_TYPES.contains(type.getType().toLowerCase(java.util.Locale.ROOT))) {
            return refused(LogoutTokenRefusal.WRONG_TYPE);
        }
        Optional<LogoutTokenRefusal> signature = verifySignature(signed);
        if (signature.isPresent()) {
            return refused(signature.get());
        }
        if (!issuer.equals(claims.getIssuer())) {
            return refused(LogoutTokenRefusal.WRONG_ISSUER);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            return refused(LogoutTokenRefusal.WRONG_AUDIENCE);
        }
        Instant now = clock.instant();
        Date issued = claims.getIssueTime();
        if (issued == null) {
            return refused(LogoutTokenRefusal.MISSING_ISSUED_AT);
        }
        Instant issuedAt = issued.toInstant();
        if (issuedAt.isAfter(now.plus(skew)) || issuedAt.isBefore(now.minus(MAX_AGE).minus(skew))) {
            return refused(LogoutTokenRefusal.ISSUED_AT_OUT_OF_RANGE);
        }
        Optional<Instant> expires = Optional.ofNullable(claims.getExpirationTime()).map(Date::toInstant);
        if (expires.isPresent() && expires.get().plus(skew).isBefore(now)) {
            return refused(LogoutTokenRefusal.EXPIRED);
        }
        if (!(claims.getClaim("events") instanceof Map<?, ?> events) || !(events.get(EVENT) instanceof Map)) {
            return refused(LogoutTokenRefusal.MISSING_EVENT);
        }
        if (claims.getClaim("nonce") != null) {
            return refused(LogoutTokenRefusal.NONCE_PRESENT);
        }
        Optional<String> subject = text(claims.getClaim("sub"));
        Optional<String> session = text(claims.getClaim("sid"));
        if (subject.isEmpty() && session.isEmpty()) {
            return refused(LogoutTokenRefusal.MISSING_SUBJECT_AND_SESSION);
        }
        Optional<String> tokenId = text(claims.getClaim("jti"));
        if (tokenId.isEmpty()) {
            return refused(LogoutTokenRefusal.MISSING_TOKEN_ID);
        }
        Instant acceptedUntil = issuedAt.plus(MAX_AGE);
        if (expires.isPresent() && expires.get().isBefore(acceptedUntil)) {
            acceptedUntil = expires.get();
        }
        return new LogoutTokenOutcome.Valid(new LogoutNotice(provider, issuer, subject, session, tokenId.get(),
                issuedAt, acceptedUntil.plus(skew)));
    }

    private Optional<LogoutTokenRefusal> verifySignature(SignedJWT signed) {
        if (!algorithms.contains(signed.getHeader().getAlgorithm())) {
            return Optional.of(LogoutTokenRefusal.BAD_SIGNATURE);
        }
        try {
            // The key source refetches the provider's JWKS when the token names a key it does not hold (rotation).
            List<? extends Key> candidates = new JWSVerificationKeySelector<>(algorithms, keys)
                    .selectJWSKeys(signed.getHeader(), null);
            for (Key key : candidates) {
                JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(signed.getHeader(), key);
                if (signed.verify(verifier)) {
                    return Optional.empty();
                }
            }
            return Optional.of(LogoutTokenRefusal.BAD_SIGNATURE);
        } catch (RateLimitReachedException unknownKeyAgain) {
            return Optional.of(LogoutTokenRefusal.BAD_SIGNATURE);
        } catch (KeySourceException unreachable) {
            return Optional.of(LogoutTokenRefusal.PROVIDER_UNREACHABLE);
        } catch (JOSEException unusableKey) {
            return Optional.of(LogoutTokenRefusal.BAD_SIGNATURE);
        }
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    private static LogoutTokenOutcome refused(LogoutTokenRefusal reason) {
        return new LogoutTokenOutcome.Refused(reason);
    }
}
