package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.IdpSessionRepository;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sessions in a map; sessions of accounts the user store no longer has are not found. */
public final class InMemoryIdpSessions implements IdpSessionRepository {

    private final InMemoryUserRepository users;
    private final Map<String, IdpSession> sessions = new LinkedHashMap<>();

    public InMemoryIdpSessions(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized void insert(IdpSession session) {
        if (users.findById(session.user()).isEmpty() || sessions.containsKey(session.id())) {
            throw new IllegalStateException("no such account, or the id is taken");
        }
        sessions.put(session.id(), session);
    }

    @Override
    public synchronized Optional<IdpSession> findById(String id) {
        return live().stream().filter(session -> session.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<IdpSession> findByUser(UserId user, String provider) {
        return live().stream().filter(session -> session.user().equals(user) && session.provider().equals(provider))
                .sorted(Comparator.comparing(IdpSession::createdAt).reversed()).collect(Collectors.toList());
    }

    @Override
    public synchronized List<IdpSession> findByProviderSession(String provider, String providerSessionId) {
        return live().stream().filter(session -> session.provider().equals(provider)
                && session.providerSessionId().equals(Optional.of(providerSessionId))).collect(Collectors.toList());
    }

    @Override
    public synchronized boolean updateTokens(String id, String sealedTokens, Optional<Instant> expiresAt,
                                             Instant now) {
        Optional<IdpSession> found = findById(id);
        found.ifPresent(old -> sessions.put(id, new IdpSession(id, old.user(), old.provider(),
                old.providerSessionId(), sealedTokens, expiresAt, old.createdAt(), now)));
        return found.isPresent();
    }

    @Override
    public synchronized boolean delete(String id) {
        return sessions.remove(id) != null;
    }

    @Override
    public synchronized int deleteByUser(UserId user, String provider) {
        List<IdpSession> doomed = findByUser(user, provider);
        doomed.forEach(session -> sessions.remove(session.id()));
        return doomed.size();
    }

    @Override
    public synchronized int deleteAllOf(UserId user) {
        List<IdpSession> doomed = live().stream().filter(session -> session.user().equals(user))
                .collect(Collectors.toList());
        doomed.forEach(session -> sessions.remove(session.id()));
        return doomed.size();
    }

    private List<IdpSession> live() {
        return sessions.values().stream().filter(session -> users.findById(session.user()).isPresent())
                .collect(Collectors.toList());
    }
}
