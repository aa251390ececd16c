package io.gatehouse.application.port.out;

import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserSearch;
import io.gatehouse.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Accounts and their credentials. E-mail addresses are unique, and the store itself enforces it (the domain stores
 * them lower-cased, so uniqueness is case-insensitive).
 */
public interface UserRepository {

    Optional<User> findById(UserId id);

    Optional<User> findByEmail(EmailAddress email);

    /** The account and its credential in one read: the sign-in path. */
    Optional<UserAccount> findAccountByEmail(EmailAddress email);

    Optional<Credential> findCredential(UserId id);

    /**
     * Stores a new account with its credential, atomically with respect to every other insert, so that exactly one
     * account can ever be the first (Open WebUI §3.3 without its race).
     *
     * @return {@link InsertOutcome.Inserted} with the account as stored, at revision 0 (promoted to admin when the
     *         policy says so),
     *         {@link InsertOutcome.EmailTaken}, or {@link InsertOutcome.NotFirst} when the policy required the
     *         account to be the first and it was not
     */
    InsertOutcome insert(User candidate, Credential credential, FirstUserPolicy policy);

    /**
     * Writes every field of an existing account but its last activity, provided the stored account is still at
     * {@link User#revision()}; the stored revision then moves on by one. Otherwise nothing is written and the answer
     * is {@link SaveOutcome#CONFLICT}: read the account again and redo the change.
     */
    SaveOutcome save(User user);

    /** As {@link #save(User)}, and replaces the account's credential in the same transaction. */
    SaveOutcome save(User user, Credential credential);

    /** Records that the user was seen at {@code at}; no effect on unknown ids. */
    void recordActivity(UserId id, Instant at);

    /** Deletes the account, its credential, memberships and API key. False when there was no such account. */
    boolean delete(UserId id);

    long count();

    /** The first account ever created: Open WebUI's "primary admin", whom only they themself may change. */
    Optional<User> findEarliest();

    UserPage find(UserSearch search);

    /** What happens to the first account ever stored. */
    enum FirstUserPolicy {
        /** The first account becomes admin; later ones keep their role. */
        PROMOTE_FIRST,
        /** Store only if no account exists yet, as admin; otherwise refuse with {@link InsertOutcome.NotFirst}. */
        ONLY_AS_FIRST,
        /** Keep the candidate's role whatever the count (accounts an admin creates). */
        KEEP_ROLE
    }

    /** An account with its credential. */
    record UserAccount(User user, Credential credential) {
        public UserAccount {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(credential, "credential");
        }
    }

    /** The result of {@link #insert}. */
    sealed interface InsertOutcome {
        /** {@code first}: the account is the first one ever stored. */
        record Inserted(User user, boolean first) implements InsertOutcome {
        }

        record EmailTaken() implements InsertOutcome {
        }

        record NotFirst() implements InsertOutcome {
        }
    }

    /** The result of {@link #save}. */
    enum SaveOutcome {
        SAVED,
        EMAIL_TAKEN,
        NOT_FOUND,
        /** The account changed since it was read: nothing was written. */
        CONFLICT
    }
}
