package io.gatehouse.application.service;

import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.util.Objects;

/** Starts a session: a signed token living as long as the settings say, and the user's permissions. */
public final class SessionIssuer {

    private final TokenCodec tokens;
    private final SettingsHolder settings;
    private final EffectivePermissions permissions;
    private final Clock clock;

    public SessionIssuer(TokenCodec tokens, SettingsHolder settings, EffectivePermissions permissions, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Session issueFor(User user) {
        TokenClaims claims = TokenClaims.issue(user.id(), TokenType.SESSION, user.tokenVersion(),
                settings.current().tokenLifetime(), clock.instant());
        return new Session(user, tokens.encode(claims), claims, permissions.of(user));
    }
}
