package io.gatehouse.application.contract;

import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordHash;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserPage;
import io.gatehouse.domain.user.UserProfile;
import io.gatehouse.domain.user.UserSearch;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link UserRepository} does. */
public abstract class UserRepositoryContract extends StoresContract {

    private static final Credential PASSWORD = Credential.password(new PasswordHash("$2b$04$abcdefghijklmnopqrstuv"));

    private UserRepository users() {
        return stores.users();
    }

    private User inserted(User candidate) {
        return assertInstanceOf(InsertOutcome.Inserted.class,
                users().insert(candidate, PASSWORD, FirstUserPolicy.KEEP_ROLE)).user();
    }

    @Test
    void anInsertedAccountReadsBackWithEveryField() {
        User candidate = User.reconstitute(UserId.random(), EmailAddress.of("ann@example.org"), "Ann Ödegaard",
                Role.USER, new UserProfile("data:image/png;base64,AAAA", Optional.of("bio"), Optional.of("f"),
                        Optional.of(LocalDate.of(1990, 2, 3))),
                Optional.of("Europe/Oslo"), 3, T0, T0.plusSeconds(5), Optional.of(T0.plusSeconds(7)), 0);

        inserted(candidate);
        User read = users().findById(candidate.id()).orElseThrow();

        assertEquals(candidate.email(), read.email());
        assertEquals("Ann Ödegaard", read.name());
        assertEquals(Role.USER, read.role());
        assertEquals(candidate.profile(), read.profile());
        assertEquals(Optional.of("Europe/Oslo"), read.timezone());
        assertEquals(3, read.tokenVersion());
        assertEquals(T0, read.createdAt());
        assertEquals(T0.plusSeconds(5), read.updatedAt());
        assertEquals(Optional.of(T0.plusSeconds(7)), read.lastActiveAt());
        assertEquals(Optional.of(read), users().findByEmail(candidate.email()));
    }

    @Test
    void accountsAndCredentialsAreReadTogether() {
        User ann = inserted(user("ann@example.org"));

        UserRepository.UserAccount account = users().findAccountByEmail(ann.email()).orElseThrow();

        assertEquals(ann, account.user());
        assertEquals(PASSWORD, account.credential());
        assertEquals(Optional.of(PASSWORD), users().findCredential(ann.id()));
        assertEquals(Optional.empty(), users().findAccountByEmail(EmailAddress.of("nobody@example.org")));
    }

    @Test
    void anAccountWithoutPasswordSaysSo() {
        User sso = user("sso@example.org");
        users().insert(sso, Credential.none(), FirstUserPolicy.KEEP_ROLE);

        assertEquals(Optional.of(Credential.none()), users().findCredential(sso.id()));
    }

    @Test
    void theFirstAccountBecomesAdminAndLaterOnesDoNot() {
        InsertOutcome.Inserted first = assertInstanceOf(InsertOutcome.Inserted.class,
                users().insert(user("first@example.org", Role.PENDING, T0), PASSWORD, FirstUserPolicy.PROMOTE_FIRST));
        InsertOutcome.Inserted second = assertInstanceOf(InsertOutcome.Inserted.class,
                users().insert(user("second@example.org", Role.PENDING, T0), PASSWORD, FirstUserPolicy.PROMOTE_FIRST));

        assertTrue(first.first());
        assertEquals(Role.ADMIN, first.user().role());
        assertEquals(Role.ADMIN, users().findById(first.user().id()).orElseThrow().role());
        assertFalse(second.first());
        assertEquals(Role.PENDING, second.user().role());
    }

    @Test
    void onlyAsFirstRefusesOnceAnAccountExists() {
        inserted(user("someone@example.org"));

        InsertOutcome outcome = users().insert(user("late@example.org"), PASSWORD, FirstUserPolicy.ONLY_AS_FIRST);

        assertInstanceOf(InsertOutcome.NotFirst.class, outcome);
        assertEquals(1, users().count());
    }

    @Test
    void keepRoleKeepsTheRoleEvenForTheFirstAccount() {
        InsertOutcome.Inserted first = assertInstanceOf(InsertOutcome.Inserted.class,
                users().insert(user("u@example.org", Role.USER, T0), PASSWORD, FirstUserPolicy.KEEP_ROLE));

        assertTrue(first.first());
        assertEquals(Role.USER, first.user().role());
    }

    @Test
    void anE_mailIsTakenOnce() {
        inserted(user("ann@example.org"));

        InsertOutcome again = users().insert(user("ann@example.org"), PASSWORD, FirstUserPolicy.PROMOTE_FIRST);

        assertInstanceOf(InsertOutcome.EmailTaken.class, again);
        assertEquals(1, users().count());
    }

    @Test
    void savingWritesEveryFieldAndRefusesATakenE_mail() {
        User ann = inserted(user("ann@example.org"));
        inserted(user("bob@example.org"));
        Instant later = T0.plusSeconds(60);

        User changed = ann.withName("Ann B", later).withRole(Role.ADMIN, later).withTimezone("UTC", later)
                .withEmail(EmailAddress.of("ann.b@example.org"), later);
        assertEquals(SaveOutcome.SAVED, users().save(changed));
        User read = users().findById(ann.id()).orElseThrow();
        assertEquals("Ann B", read.name());
        assertEquals(Role.ADMIN, read.role());
        assertEquals(changed.tokenVersion(), read.tokenVersion());
        assertEquals(Optional.of("UTC"), read.timezone());
        assertEquals(later, read.updatedAt());
        assertEquals(Optional.of(read), users().findByEmail(EmailAddress.of("ann.b@example.org")));

        assertEquals(SaveOutcome.EMAIL_TAKEN, users().save(read.withEmail(EmailAddress.of("bob@example.org"), later)));
        assertEquals(SaveOutcome.NOT_FOUND, users().save(user("ghost@example.org")));
    }

    @Test
    void aSaveBasedOnAnOlderReadConflictsAndChangesNothing() {
        User ann = inserted(user("ann@example.org"));
        User firstRead = users().findById(ann.id()).orElseThrow();
        User secondRead = users().findById(ann.id()).orElseThrow();

        assertEquals(SaveOutcome.SAVED, users().save(firstRead.withRole(Role.USER.equals(firstRead.role())
                ? Role.PENDING : Role.USER, T0.plusSeconds(1))));
        User demoted = users().findById(ann.id()).orElseThrow();

        assertEquals(SaveOutcome.CONFLICT, users().save(secondRead.withName("Stale", T0.plusSeconds(2))));
        assertEquals(SaveOutcome.CONFLICT, users().save(secondRead.withTokensRevoked(T0.plusSeconds(2)),
                Credential.none()));
        User after = users().findById(ann.id()).orElseThrow();
        assertEquals(demoted.role(), after.role(), "the stale write did not undo the role change");
        assertEquals(demoted.tokenVersion(), after.tokenVersion());
        assertEquals("ann", after.name());
        assertEquals(Optional.of(PASSWORD), users().findCredential(ann.id()));
        assertEquals(SaveOutcome.SAVED, users().save(after.withName("Fresh", T0.plusSeconds(3))), "a fresh read saves");
    }

    @Test
    void aSaveLeavesTheLastActivityAlone() {
        User ann = inserted(user("ann@example.org"));
        User read = users().findById(ann.id()).orElseThrow();
        users().recordActivity(ann.id(), T0.plusSeconds(500));

        assertEquals(SaveOutcome.SAVED, users().save(read.withName("Ann B", T0.plusSeconds(10))));

        assertEquals(Optional.of(T0.plusSeconds(500)), users().findById(ann.id()).orElseThrow().lastActiveAt());
    }

    @Test
    void savingWithACredentialReplacesIt() {
        User ann = inserted(user("ann@example.org"));
        Credential newPassword = Credential.password(new PasswordHash("$2b$04$zyxwvutsrqponmlkjihgfe"));

        assertEquals(SaveOutcome.SAVED, users().save(ann.withTokensRevoked(T0.plusSeconds(1)), newPassword));

        assertEquals(Optional.of(newPassword), users().findCredential(ann.id()));
        assertEquals(1, users().findById(ann.id()).orElseThrow().tokenVersion());
    }

    @Test
    void activityIsRecorded() {
        User ann = inserted(user("ann@example.org"));

        users().recordActivity(ann.id(), T0.plusSeconds(90));
        users().recordActivity(UserId.random(), T0);

        assertEquals(Optional.of(T0.plusSeconds(90)), users().findById(ann.id()).orElseThrow().lastActiveAt());
    }

    @Test
    void deletingRemovesTheAccountAndItsCredential() {
        User ann = inserted(user("ann@example.org"));

        assertTrue(users().delete(ann.id()));
        assertFalse(users().delete(ann.id()));

        assertEquals(Optional.empty(), users().findById(ann.id()));
        assertEquals(Optional.empty(), users().findCredential(ann.id()));
        assertEquals(0, users().count());
    }

    @Test
    void theEarliestAccountIsThePrimaryAdmin() {
        inserted(user("second@example.org", Role.USER, T0.plusSeconds(10)));
        User first = inserted(user("first@example.org", Role.ADMIN, T0));

        assertEquals(Optional.of(first), users().findEarliest());
    }

    @Test
    void searchFiltersSortsAndPages() {
        inserted(user("carol@example.org", Role.USER, T0.plusSeconds(3)));
        inserted(user("alice@example.org", Role.USER, T0.plusSeconds(1)));
        inserted(user("bob@other.org", Role.ADMIN, T0.plusSeconds(2)));

        UserPage byName = users().find(new UserSearch(Optional.empty(), UserSearch.Order.NAME, true, 1, 2));
        assertEquals(List.of("alice", "bob"), names(byName));
        assertEquals(3, byName.total());
        assertEquals(List.of("carol"),
                names(users().find(new UserSearch(Optional.empty(), UserSearch.Order.NAME, true, 2, 2))));
        assertEquals(List.of("carol", "bob", "alice"),
                names(users().find(new UserSearch(Optional.empty(), UserSearch.Order.CREATED_AT, false, 1, 10))));

        UserPage filtered = users().find(new UserSearch(Optional.of("EXAMPLE"), UserSearch.Order.EMAIL, true, 1, 10));
        assertEquals(List.of("alice", "carol"), names(filtered));
        assertEquals(2, filtered.total());
    }

    @Test
    void concurrentFirstAccountsGiveExactlyOneAdmin() throws Exception {
        List<Callable<InsertOutcome>> inserts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            User candidate = user("racer" + i + "@example.org", Role.PENDING, T0);
            inserts.add(() -> users().insert(candidate, PASSWORD, FirstUserPolicy.PROMOTE_FIRST));
        }

        List<InsertOutcome> outcomes = runTogether(inserts);

        assertEquals(20, users().count());
        assertEquals(1, outcomes.stream().filter(o -> ((InsertOutcome.Inserted) o).first()).count());
        assertEquals(1, users().find(new UserSearch(Optional.empty(), UserSearch.Order.ROLE, true, 1, 100)).users()
                .stream().filter(User::isAdmin).count());
    }

    @Test
    void concurrentInsertsOfOneE_mailStoreOneAccount() throws Exception {
        List<InsertOutcome> outcomes = runTogether(20,
                () -> users().insert(user("same@example.org"), PASSWORD, FirstUserPolicy.PROMOTE_FIRST));

        assertEquals(1, outcomes.stream().filter(InsertOutcome.Inserted.class::isInstance).count());
        assertEquals(19, outcomes.stream().filter(InsertOutcome.EmailTaken.class::isInstance).count());
        assertEquals(1, users().count());
    }

    private static List<String> names(UserPage page) {
        return page.users().stream().map(User::name).collect(Collectors.toList());
    }
}
