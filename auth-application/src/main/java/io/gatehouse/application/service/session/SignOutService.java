package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.ProviderTokens;
import io.gatehouse.application.service.ProviderSessions;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.application.port.out.TokenRevocations;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;

import java.net.URI;
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
    private final ProviderSessions providerSessions;
    private final IdentityProviders providers;

    public SignOutService(FixedSettings fixed, TokenCodec tokens, TokenRevocations revocations, AuthEvents events,
                          ProviderSessions providerSessions, IdentityProviders providers) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.events = Objects.requireNonNull(events, "events");
        this.providerSessions = Objects.requireNonNull(providerSessions, "providerSessions");
        this.providers = Objects.requireNonNull(providers, "providers");
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
        Optional<String> providerLogout = command.idpSessionId().flatMap(providerSessions::find)
                .flatMap(this::endProviderSession).map(URI::toString);
        return new Result(providerLogout.or(fixed::signoutRedirectUrl));
    }

    /**
     * Deletes the session at the provider and answers the provider's logout URL. A provider whose metadata cannot be
     * read gives none: the sign-out itself has happened and must not fail (Open WebUI answers 500).
     */
    private Optional<URI> endProviderSession(IdpSessionRepository.IdpSession session) {
        Optional<String> idToken = providerSessions.tokensOf(session).flatMap(ProviderTokens::idToken);
        providerSessions.delete(session.id());
        Optional<URI> afterwards = fixed.signoutRedirectUrl().flatMap(SignOutService::uri);
        try {
            return providers.find(session.provider()).flatMap(provider -> provider.logoutUrl(idToken, afterwards));
        } catch (InfrastructureException unreachable) {
            return Optional.empty();
        }
    }

    private static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (java.net.URISyntaxException notAUri) {
            return Optional.empty();
        }
    }
}
