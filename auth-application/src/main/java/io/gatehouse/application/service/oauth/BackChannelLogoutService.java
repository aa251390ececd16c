package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.oauth.BackChannelLogoutUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.IdpSessionRepository.IdpSession;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LogoutNotice;
import io.gatehouse.application.port.out.oauth.LogoutTokenOutcome;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.application.service.ProviderSessions;
import io.gatehouse.domain.user.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Ends the sessions a provider names. Every check of the token is the adapter's; here: the {@code jti} is remembered
 * (in Redis when configured, so a replay to another instance is refused too) for as long as the token would pass,
 * users are found by subject through their linked identity or by provider session ({@code sid}, which Open WebUI
 * ignores), and "sign out everywhere" is written to the account itself, so it holds on every instance without Redis.
 */
public final class BackChannelLogoutService implements BackChannelLogoutUseCase {

    private static final String REPLAY_PREFIX = "oauth:logout-jti:";

    private final boolean enabled;
    private final IdentityProviders providers;
    private final ShortLivedValues values;
    private final IdentityLinks links;
    private final ProviderSessions sessions;
    private final AccountWrites writes;
    private final AuthEvents events;
    private final Clock clock;

    public BackChannelLogoutService(boolean enabled, IdentityProviders providers, ShortLivedValues values,
                                    IdentityLinks links, ProviderSessions sessions, UserRepository users,
                                    AuthEvents events, Clock clock) {
        this.enabled = enabled;
        this.providers = Objects.requireNonNull(providers, "providers");
        this.values = Objects.requireNonNull(values, "values");
        this.links = Objects.requireNonNull(links, "links");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.writes = new AccountWrites(users);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result logOut(String logoutToken) {
        if (!enabled) {
            return new Result.NotEnabled();
        }
        LogoutTokenOutcome outcome = providers.validateLogoutToken(logoutToken);
        if (outcome instanceof LogoutTokenOutcome.Refused) {
            String reason = ((LogoutTokenOutcome.Refused) outcome).reason().name().toLowerCase(Locale.ROOT);
            return new Result.Refused("Invalid logout_token: " + reason.replace('_', ' '));
        }
        LogoutNotice notice = ((LogoutTokenOutcome.Valid) outcome).notice();
        Instant now = clock.instant();
        Duration remember = Duration.between(now, notice.rememberUntil());
        if (!values.putIfAbsent(REPLAY_PREFIX + notice.provider() + ":" + notice.tokenId(), "1",
                remember.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : remember)) {
            return new Result.Refused("Invalid logout_token: replayed");
        }
        Set<UserId> users = new LinkedHashSet<>();
        notice.subject().flatMap(subject -> links.findUser(notice.provider(), subject)).ifPresent(users::add);
        notice.sessionId().ifPresent(sid -> sessions.findByProviderSession(notice.provider(), sid).stream()
                .map(IdpSession::user).forEach(users::add));
        for (UserId user : users) {
            writes.apply(user, account -> account.withTokensRevoked(now));
            sessions.deleteAllOf(user);
            events.publish(new AuthEvent.SignedOut(user));
        }
        return new Result.LoggedOut(users.size());
    }
}
