package io.gatehouse.application.fake;

import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Accounts in a map; every method is synchronized, which makes inserts atomic as the port requires. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final Map<UserId, Credential> credentials = new LinkedHashMap<>();
    private final List<UserDeletionListener> deletionListeners = new ArrayList<>();

    /** Lets fakes of other ports forget what belonged to a deleted account, as the database cascades. */
    public interface UserDeletionListener {
        void deleted(UserId id);
    }

    public synchronized void onDelete(UserDeletionListener listener) {
        deletionListeners.add(listener);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized Optional<User> findByEmail(EmailAddress email) {
        return users.values().stream().filter(user -> user.email().equals(email)).findFirst();
    }

    @Override
    public synchronized Optional<UserAccount> findAccountByEmail(EmailAddress email) {
        return findByEmail(email).map(user -> new UserAccount(user, credentials.get(user.id())));
    }

    @Override
    public synchronized Optional<Credential> findCredential(UserId id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public synchronized InsertOutcome insert(User candidate, Credential credential, FirstUserPolicy policy) {
        if (findByEmail(candidate.email()).isPresent() || users.containsKey(candidate.id())) {
            return new InsertOutcome.EmailTaken();
        }
        boolean first = users.isEmpty();
        if (policy == FirstUserPolicy.ONLY_AS_FIRST && !first) {
            return new InsertOutcome.NotFirst();
        }
        User promoted = first && policy != FirstUserPolicy.KEEP_ROLE
                ? candidate.withRole(Role.ADMIN, candidate.updatedAt()) : candidate;
        User stored = User.reconstitute(promoted.id(), promoted.email(), promoted.name(), promoted.role(),
                promoted.profile(), promoted.timezone(), promoted.tokenVersion(), promoted.createdAt(),
                promoted.updatedAt(), promoted.lastActiveAt(), 0);
        users.put(stored.id(), stored);
        credentials.put(stored.id(), credential);
        return new InsertOutcome.Inserted(stored, first);
    }

    @Override
    public synchronized SaveOutcome save(User user) {
        User stored = users.get(user.id());
        if (stored == null) {
            return SaveOutcome.NOT_FOUND;
        }
        if (stored.revision() != user.revision()) {
            return SaveOutcome.CONFLICT;
        }
        Optional<User> sameEmail = findByEmail(user.email());
        if (sameEmail.isPresent() && !sameEmail.get().id().equals(user.id())) {
            return SaveOutcome.EMAIL_TAKEN;
        }
        users.put(user.id(), User.reconstitute(user.id(), user.email(), user.name(), user.role(), user.profile(),
                user.timezone(), user.tokenVersion(), user.createdAt(), user.updatedAt(), stored.lastActiveAt(),
                stored.revision() + 1));
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized SaveOutcome save(User user, Credential credential) {
        SaveOutcome outcome = save(user);
        if (outcome == SaveOutcome.SAVED) {
            credentials.put(user.id(), credential);
        }
        return outcome;
    }

    @Override
    public synchronized void recordActivity(UserId id, Instant at) {
        users.computeIfPresent(id, (key, user) -> user.activeAt(at));
    }

    @Override
    public boolean delete(UserId id) {
        List<UserDeletionListener> listeners;
        synchronized (this) {
            if (users.remove(id) == null) {
                return false;
            }
            credentials.remove(id);
            listeners = List.copyOf(deletionListeners);
        }
        listeners.forEach(listener -> listener.deleted(id));
        return true;
    }

    @Override
    public synchronized long count() {
        return users.size();
    }

    @Override
    public synchronized Optional<User> findEarliest() {
        return users.values().stream().min(Comparator.comparing(User::createdAt));
    }

    @Override
    public synchronized UserPage find(UserSearch search) {
        List<User> matching = users.values().stream()
                .filter(user -> search.text().map(text -> matches(user, text)).orElse(true))
                .sorted(order(search))
                .collect(Collectors.toList());
        int from = Math.min(matching.size(), (search.page() - 1) * search.pageSize());
        int to = Math.min(matching.size(), from + search.pageSize());
        return new UserPage(matching.subList(from, to), matching.size());
    }

    private static boolean matches(User user, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return user.name().toLowerCase(Locale.ROOT).contains(needle) || user.email().value().contains(needle);
    }

    private static Comparator<User> order(UserSearch search) {
        Function<User, Comparable<?>> key;
        switch (search.order()) {
            case NAME: key = user -> user.name().toLowerCase(Locale.ROOT); break;
            case EMAIL: key = user -> user.email().value(); break;
            case ROLE: key = user -> user.role().wireName(); break;
            case UPDATED_AT: key = User::updatedAt; break;
            case LAST_ACTIVE_AT: key = user -> user.lastActiveAt().orElse(Instant.EPOCH); break;
            default: key = User::createdAt; break;
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<User> comparator = Comparator.comparing(user -> (Comparable) key.apply(user));
        comparator = comparator.thenComparing(user -> user.id().value());
        return search.ascending() ? comparator : comparator.reversed();
    }
}
