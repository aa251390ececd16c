package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;

import java.util.Objects;
import java.util.Optional;

/**
 * Revokes the presented session token, durably and for every instance. A token already signed out changes nothing.
 * API keys are not signed out: they are deleted.
 */
public final class SignOutService implements SignOutUseCase {

    private final FixedSettings fixed;
    private final TokenCodec tokens;
    private final TokenRevocations revocations;
    private final AuthEvents events;

    public SignOutService(FixedSettings fixed, TokenCodec tokens, TokenRevocations revocations, AuthEvents events) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Result signOut(Command command) {
        Optional<TokenClaims> claims = command.presentedToken()
                .filter(token -> !ApiKeySecret.looksLikeApiKey(token))
                .flatMap(token -> tokens.decode(token, TokenType.SESSION))
                .filter(decoded -> !revocations.isRevoked(decoded.tokenId()));
        claims.ifPresent(revoked -> {
            revocations.revoke(revoked);
            events.publish(new AuthEvent.SignedOut(revoked.userId()));
        });
        return new Result(fixed.signoutRedirectUrl());
    }
}
