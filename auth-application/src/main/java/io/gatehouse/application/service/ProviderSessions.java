package io.gatehouse.application.service;

import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.application.port.out.IdpSessionRepository.IdpSession;
import io.gatehouse.application.port.out.TokenSealer;
import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.ProviderTokens;
import io.gatehouse.domain.user.UserId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sessions single sign-on leaves at identity providers (Open WebUI §7.8): the provider's tokens sealed at rest,
 * at most {@code maxPerUser} per user and provider (the oldest go first), opened only to refresh them, to hint a
 * logout, or to be deleted.
 */
public final class ProviderSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdpSessionRepository sessions;
    private final TokenSealer sealer;
    private final int maxPerUser;
    private final Clock clock;

    public ProviderSessions(IdpSessionRepository sessions, TokenSealer sealer, int maxPerUser, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("at least one session per user and provider");
        }
        this.maxPerUser = maxPerUser;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps the identity's tokens for the user; answers the new session's id. */
    public String open(UserId user, ExternalIdentity identity) {
        List<IdpSession> existing = sessions.findByUser(user, identity.provider());
        for (IdpSession old : existing.subList(Math.min(existing.size(), maxPerUser - 1), existing.size())) {
            sessions.delete(old.id());
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        Object sid = identity.claims().get("sid");
        sessions.insert(new IdpSession(id, user, identity.provider(),
                sid instanceof String ? Optional.of((String) sid) : Optional.empty(),
                sealer.seal(identity.tokens().toStoredForm()), identity.tokens().expiresAt(), now, now));
        return id;
    }

    public Optional<IdpSession> find(String id) {
        return sessions.findById(id);
    }

    /** The session's tokens; empty when they do not open (another key, or altered), and the session is then dropped. */
    public Optional<ProviderTokens> tokensOf(IdpSession session) {
        Optional<ProviderTokens> tokens = sealer.open(session.sealedTokens()).flatMap(ProviderTokens::fromStoredForm);
        if (tokens.isEmpty()) {
            sessions.delete(session.id());
        }
        return tokens;
    }

    public boolean replaceTokens(IdpSession session, ProviderTokens tokens) {
        return sessions.updateTokens(session.id(), sealer.seal(tokens.toStoredForm()), tokens.expiresAt(), clock.instant());
    }

    public boolean delete(String id) {
        return sessions.delete(id);
    }

    public int deleteByUser(UserId user, String provider) {
        return sessions.deleteByUser(user, provider);
    }

    public int deleteAllOf(UserId user) {
        return sessions.deleteAllOf(user);
    }

    public List<IdpSession> findByProviderSession(String provider, String providerSessionId) {
        return sessions.findByProviderSession(provider, providerSessionId);
    }
}
