package io.gatehouse.adapter.oauth.pac4j;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import io.gatehouse.application.port.out.oauth.LoginRefusal;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Why an id_token that pac4j refused was refused. The decision is pac4j's (and Nimbus's); this only names the reason,
 * by reading the token's claims after the fact, so that the refusal does not depend on the wording of a library's
 * exception messages. When no claim explains the refusal, the signature was what failed.
 */
final class IdTokenDiagnosis {

    private IdTokenDiagnosis() {
    }

    static LoginRefusal of(String idToken, String issuer, String clientId, Optional<String> nonce, Instant now,
                           Duration skew) {
        JWT token;
        JWTClaimsSet claims;
        try {
            token = JWTParser.parse(idToken);
            claims = token.getJWTClaimsSet();
        } catch (ParseException unreadable) {
            return LoginRefusal.MALFORMED_TOKEN;
        }
        if (token instanceof PlainJWT) {
            return LoginRefusal.UNSIGNED_TOKEN;
        }
        if (!issuer.equals(claims.getIssuer())) {
            return LoginRefusal.WRONG_ISSUER;
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            return LoginRefusal.WRONG_AUDIENCE;
        }
        Date expires = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        if (expires == null || issued == null || claims.getSubject() == null) {
            return LoginRefusal.MALFORMED_TOKEN;
        }
        if (expires.toInstant().plus(skew).isBefore(now)) {
            return LoginRefusal.EXPIRED;
        }
        if (nonce.isPresent() && !nonce.get().equals(claims.getClaim("nonce"))) {
            return LoginRefusal.NONCE_MISMATCH;
        }
        if (issued.toInstant().minus(skew).isAfter(now)) {
            return LoginRefusal.MALFORMED_TOKEN;
        }
        return LoginRefusal.BAD_SIGNATURE;
    }
}
