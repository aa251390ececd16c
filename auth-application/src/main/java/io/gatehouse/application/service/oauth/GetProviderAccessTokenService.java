package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.oauth.GetProviderAccessTokenUseCase;
import io.gatehouse.application.port.out.IdpSessionRepository.IdpSession;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.ProviderTokens;
import io.gatehouse.application.port.out.oauth.RefreshOutcome;
import io.gatehouse.application.port.out.oauth.RefreshRefusal;
import io.gatehouse.application.service.ProviderSessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out a session's access token, refreshing it first when it is about to expire. Callers of one session on this
 * instance queue behind one lock and find the tokens the first of them refreshed; instances share a short-lived lock
 * key, and an instance that finds it taken answers the current token while it is still valid.
 */
public final class GetProviderAccessTokenService implements GetProviderAccessTokenUseCase {

    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final Duration LOCK_FOR = Duration.ofSeconds(30);

    private final ProviderSessions sessions;
    private final IdentityProviders providers;
    private final ShortLivedValues values;
    private final Clock clock;
    /**
     * One refresh per session in this process: a session's calls share one lock, which is dropped only when no call
     * holds or waits for it (dropped earlier, a caller still waiting on it and the next caller, on a new lock, would
     * pass together). Counted inside the map's atomic {@code compute}.
     */
    private final ConcurrentHashMap<String, SessionLock> locks = new ConcurrentHashMap<>();

    public GetProviderAccessTokenService(ProviderSessions sessions, IdentityProviders providers,
                                         ShortLivedValues values, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.values = Objects.requireNonNull(values, "values");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<String> accessToken(Query query) {
        String id = query.idpSessionId();
        SessionLock lock = locks.compute(id, (key, held) -> (held == null ? new SessionLock() : held).join());
        try {
            synchronized (lock) {
                Optional<IdpSession> session = sessions.find(id).filter(found -> found.user().equals(query.user()));
                Optional<ProviderTokens> tokens = session.flatMap(sessions::tokensOf);
                if (tokens.isEmpty()) {
                    return Optional.empty();
                }
                Instant now = clock.instant();
                if (tokens.get().expiresAt().map(at -> now.plus(REFRESH_AHEAD).isBefore(at)).orElse(false)) {
                    return Optional.of(tokens.get().accessToken());
                }
                return refreshed(session.get(), tokens.get(), now);
            }
        } finally {
            locks.compute(id, (key, held) -> held.leave() ? null : held);
        }
    }

    /** How many sessions have a call in progress: none once every call has returned. */
    int sessionsInProgress() {
        return locks.size();
    }

    private Optional<String> refreshed(IdpSession session, ProviderTokens tokens, Instant now) {
        Optional<String> current = stillValid(tokens, now);
        Optional<IdentityProvider> provider = providers.find(session.provider());
        if (tokens.refreshToken().isEmpty() || provider.isEmpty()) {
            return current;
        }
        String lockKey = "oauth:refresh-lock:" + session.id();
        if (!values.putIfAbsent(lockKey, "1", LOCK_FOR)) {
            return current; // another instance is refreshing this session right now
        }
        try {
            RefreshOutcome outcome = provider.get().refresh(tokens.refreshToken().get());
            if (outcome instanceof RefreshOutcome.Refreshed) {
                ProviderTokens fresh = ((RefreshOutcome.Refreshed) outcome).tokens();
                sessions.replaceTokens(session, fresh);
                return Optional.of(fresh.accessToken());
            }
            RefreshRefusal refusal = ((RefreshOutcome.Refused) outcome).reason();
            if (refusal == RefreshRefusal.REJECTED || refusal == RefreshRefusal.BAD_TOKEN) {
                sessions.delete(session.id());
                return Optional.empty();
            }
            return current;
        } finally {
            values.remove(lockKey);
        }
    }

    private static Optional<String> stillValid(ProviderTokens tokens, Instant now) {
        return tokens.expiresAt().filter(now::isBefore).map(at -> tokens.accessToken());
    }

    /** A session's lock and how many calls hold or wait for it; changed only inside {@code locks.compute}. */
    private static final class SessionLock {
        private int calls;

        SessionLock join() {
            calls++;
            return this;
        }

        /** Whether this was the last call. */
        boolean leave() {
            return --calls == 0;
        }
    }
}
