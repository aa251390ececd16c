package io.gatehouse.application.service;

import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user store that lets another request slip in: the first time a service inserts, {@code interloper} runs just
 * before the insert, as a concurrent request on another thread or instance could. Makes check-then-insert races
 * happen every time instead of once in a while.
 */
public final class InterleavingUserRepository implements UserRepository {

    private final UserRepository delegate;
    private Runnable interloper;

    public InterleavingUserRepository(UserRepository delegate, Runnable interloper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interloper = Objects.requireNonNull(interloper, "interloper");
    }

    @Override
    public synchronized InsertOutcome insert(User candidate, Credential credential, FirstUserPolicy policy) {
        Runnable once = interloper;
        interloper = () -> { };
        once.run();
        return delegate.insert(candidate, credential, policy);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return delegate.findByEmail(email);
    }

    @Override
    public Optional<UserAccount> findAccountByEmail(EmailAddress email) {
        return delegate.findAccountByEmail(email);
    }

    @Override
    public Optional<Credential> findCredential(UserId id) {
        return delegate.findCredential(id);
    }

    @Override
    public SaveOutcome save(User user) {
        return delegate.save(user);
    }

    @Override
    public SaveOutcome save(User user, Credential credential) {
        return delegate.save(user, credential);
    }

    @Override
    public void recordActivity(UserId id, Instant at) {
        delegate.recordActivity(id, at);
    }

    @Override
    public boolean delete(UserId id) {
        return delegate.delete(id);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public Optional<User> findEarliest() {
        return delegate.findEarliest();
    }

    @Override
    public UserPage find(UserSearch search) {
        return delegate.find(search);
    }
}
