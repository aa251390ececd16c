package io.gatehouse.application.service;

import io.gatehouse.application.fake.InMemoryUserRepository;
import io.gatehouse.application.fake.TestUsers;
import io.gatehouse.application.port.out.InfrastructureException;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.SaveOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountWritesTest {

    private static final Instant LATER = TestUsers.T0.plusSeconds(60);

    private final InMemoryUserRepository store = new InMemoryUserRepository();
    private final User ann = stored(TestUsers.user("ann@example.org", Role.ADMIN, TestUsers.T0));

    private User stored(User candidate) {
        return ((UserRepository.InsertOutcome.Inserted) store.insert(candidate, Credential.none(),
                FirstUserPolicy.KEEP_ROLE)).user();
    }

    /** The store, with {@code interference} run against it just before each of the first {@code times} saves. */
    private UserRepository interfering(int times, Runnable interference) {
        AtomicInteger left = new AtomicInteger(times);
        return (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{UserRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("save") && left.getAndDecrement() > 0) {
                        interference.run();
                    }
                    return method.invoke(store, args);
                });
    }

    @Test
    void aConcurrentDemotionIsNotUndoneByAProfileUpdate() {
        UserRepository racing = interfering(1, () ->
                store.save(store.findById(ann.id()).orElseThrow().withRole(Role.USER, LATER)));

        AccountWrites.Write write = new AccountWrites(racing).apply(ann.id(), user -> user.withName("Ann B", LATER));

        assertTrue(write.saved());
        User now = store.findById(ann.id()).orElseThrow();
        assertEquals("Ann B", now.name());
        assertEquals(Role.USER, now.role(), "the demotion that got in first stays");
        assertEquals(ann.tokenVersion() + 1, now.tokenVersion(), "and so does the revocation of the old tokens");
    }

    @Test
    void endlessContentionGivesUpAsAnInfrastructureFailure() {
        UserRepository hammered = interfering(Integer.MAX_VALUE, () ->
                store.save(store.findById(ann.id()).orElseThrow().withTimezone("UTC", LATER)));

        assertThrows(InfrastructureException.class,
                () -> new AccountWrites(hammered).apply(ann.id(), user -> user.withName("Never", LATER)));
        assertEquals("ann", store.findById(ann.id()).orElseThrow().name());
    }

    @Test
    void aMissingAccountIsNotFound() {
        store.delete(ann.id());

        assertEquals(SaveOutcome.NOT_FOUND, new AccountWrites(store).apply(ann.id(), user -> user).outcome());
    }
}
