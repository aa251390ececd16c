package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.oauth.ExchangeProviderTokenUseCase;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.throttle.WindowLimit;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Exchanges a provider's access token for a session. Attempts are limited per client address before the provider is
 * asked, so the endpoint cannot be used to flood the provider or to probe tokens. When trusted clients are configured
 * ({@code OAUTH_TOKEN_EXCHANGE_TRUSTED_CLIENT_IDS}), the provider's introspection must say the token was issued to one
 * of them, as Open WebUI checks: a token another application obtained for the user is not enough.
 */
public final class ExchangeProviderTokenService implements ExchangeProviderTokenUseCase {

    private final boolean enabled;
    private final WindowLimit limit;
    private final Set<String> trustedClients;
    private final SettingsHolder settings;
    private final IdentityProviders providers;
    private final IdentityLinks links;
    private final UserRepository users;
    private final AttemptCounter attempts;
    private final SessionIssuer sessions;
    private final AuthEvents events;
    private final Clock clock;

    /**
     * @param trustedClients the client ids whose tokens may be exchanged; empty for any token the provider knows
     */
    public ExchangeProviderTokenService(boolean enabled, WindowLimit limit, Set<String> trustedClients,
                                        SettingsHolder settings,
                                        IdentityProviders providers, IdentityLinks links, UserRepository users,
                                        AttemptCounter attempts, SessionIssuer sessions, AuthEvents events,
                                        Clock clock) {
        this.enabled = enabled;
        this.limit = Objects.requireNonNull(limit, "limit");
        this.trustedClients = Set.copyOf(trustedClients);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.links = Objects.requireNonNull(links, "links");
        this.users = Objects.requireNonNull(users, "users");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result exchange(Command command) {
        if (!enabled) {
            return refused(Refusal.DISABLED);
        }
        if (!limit.admits(attempts.increment("token-exchange:address:" + command.from().value(), limit.window(),
                clock.instant()))) {
            return refused(Refusal.RATE_LIMITED);
        }
        Optional<IdentityProvider> provider = providers.find(command.provider().toLowerCase(Locale.ROOT));
        if (provider.isEmpty()) {
            return refused(Refusal.UNKNOWN_PROVIDER);
        }
        if (!trustedClients.isEmpty()) {
            Optional<String> client = provider.get().tokenClient(command.accessToken());
            if (client.isEmpty()) {
                return refused(Refusal.UNKNOWN_TOKEN_CLIENT);
            }
            if (!trustedClients.contains(client.get())) {
                return refused(Refusal.UNTRUSTED_CLIENT);
            }
        }
        Optional<ExternalIdentity> identity = provider.get().identify(command.accessToken());
        if (identity.isEmpty()) {
            return refused(Refusal.INVALID_TOKEN);
        }
        OAuthPolicy policy = settings.current().oauth().policy();
        Optional<EmailAddress> email = policy.email(identity.get().provider(), identity.get().subject(),
                identity.get().claims());
        if (email.isEmpty()) {
            return refused(Refusal.MISSING_EMAIL);
        }
        if (!policy.allowsDomainOf(email.get())) {
            return refused(Refusal.DOMAIN_NOT_ALLOWED);
        }
        Optional<User> user = links.findUser(identity.get().provider(), identity.get().subject())
                .flatMap(users::findById);
        if (user.isEmpty() && policy.mergeByEmail() && OAuthPolicy.emailVerified(identity.get().claims())) {
            user = users.findByEmail(email.get());
            user.ifPresent(found -> links.link(found.id(), identity.get().provider(), identity.get().subject()));
        }
        if (user.isEmpty()) {
            return refused(Refusal.NO_ACCOUNT);
        }
        events.publish(new AuthEvent.SignedIn(user.get().id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(user.get()));
    }

    private static Result refused(Refusal refusal) {
        return new Result.Refused(refusal);
    }
}
