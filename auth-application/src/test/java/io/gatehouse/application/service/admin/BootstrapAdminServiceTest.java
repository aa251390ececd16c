package io.gatehouse.application.service.admin;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.admin.BootstrapAdminUseCase.Command;
import io.gatehouse.application.port.in.admin.BootstrapAdminUseCase.Result;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.throttle.ClientAddress;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapAdminServiceTest {

    private static final Command FROM_ENVIRONMENT = new Command(EmailAddress.of("root@example.org"),
            PlainPassword.of("from the environment"), "Admin");

    private static boolean signsIn(TestGatehouse gatehouse, String email, String password) {
        return gatehouse.signIn.signIn(new SignInWithPasswordUseCase.Command(email, PlainPassword.of(password),
                ClientAddress.LOCAL)) instanceof SignInWithPasswordUseCase.Result.SignedIn;
    }

    @Test
    void onAnEmptyInstanceItCreatesAnAdminWhoSignsIn() {
        TestGatehouse gatehouse = new TestGatehouse();

        Result result = gatehouse.bootstrapAdmin.bootstrap(FROM_ENVIRONMENT);
        User admin = assertInstanceOf(Result.Created.class, result).admin();

        assertEquals(Role.ADMIN, admin.role());
        assertEquals("Admin", admin.name());
        assertEquals(Role.ADMIN, gatehouse.users.findById(admin.id()).orElseThrow().role());
        assertTrue(signsIn(gatehouse, "root@example.org", "from the environment"));
        assertEquals(AuthEvent.Channel.BOOTSTRAP,
                gatehouse.events.ofType(AuthEvent.AccountCreated.class).get(0).channel());
    }

    @Test
    void itClosesPublicSignupAndStoresThat() {
        TestGatehouse gatehouse = new TestGatehouse();

        gatehouse.bootstrapAdmin.bootstrap(FROM_ENVIRONMENT);

        assertFalse(gatehouse.settings.current().signupEnabled());
        assertFalse(gatehouse.settingsStore.load(TestSettings.authDefaults()).signupEnabled());
    }

    @Test
    void whenAccountsExistItDoesNothing() {
        TestGatehouse gatehouse = new TestGatehouse();
        Accounts.firstAdmin(gatehouse);

        assertInstanceOf(Result.AccountsExist.class, gatehouse.bootstrapAdmin.bootstrap(FROM_ENVIRONMENT));

        assertEquals(1, gatehouse.users.count());
        assertTrue(gatehouse.users.findByEmail(EmailAddress.of("root@example.org")).isEmpty());
    }

    @Test
    void aWeakPasswordIsRefusedAndNothingIsCreated() {
        TestGatehouse gatehouse = new TestGatehouse();

        Result result = gatehouse.bootstrapAdmin.bootstrap(new Command(EmailAddress.of("root@example.org"),
                PlainPassword.of("admin"), "Admin"));

        Result.PasswordRejected rejected = assertInstanceOf(Result.PasswordRejected.class, result);
        assertEquals(PasswordCheck.TOO_SHORT, rejected.rejection().check());
        assertEquals(0, gatehouse.users.count());
        assertTrue(gatehouse.settings.current().signupEnabled());
    }

    @Test
    void runningItAgainChangesNothing() {
        TestGatehouse gatehouse = new TestGatehouse();
        gatehouse.bootstrapAdmin.bootstrap(FROM_ENVIRONMENT);

        Result again = gatehouse.bootstrapAdmin.bootstrap(FROM_ENVIRONMENT);
        Result withAnotherPassword = gatehouse.bootstrapAdmin.bootstrap(new Command(
                EmailAddress.of("root@example.org"), PlainPassword.of("a changed environment"), "Admin"));

        assertInstanceOf(Result.AccountsExist.class, again);
        assertInstanceOf(Result.AccountsExist.class, withAnotherPassword);
        assertEquals(1, gatehouse.users.count());
        assertTrue(signsIn(gatehouse, "root@example.org", "from the environment"));
        assertEquals(1, gatehouse.events.ofType(AuthEvent.AccountCreated.class).size());
    }

    @Test
    void instancesStartingTogetherMakeOneAdmin() throws Exception {
        TestGatehouse gatehouse = new TestGatehouse();
        List<Callable<Result>> instances = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Command command = new Command(EmailAddress.of("root" + i + "@example.org"),
                    PlainPassword.of("from the environment"), "Admin");
            instances.add(() -> gatehouse.bootstrapAdmin.bootstrap(command));
        }

        List<Result> results = runTogether(instances);

        assertEquals(1, results.stream().filter(Result.Created.class::isInstance).count());
        assertEquals(19, results.stream().filter(Result.AccountsExist.class::isInstance).count());
        assertEquals(1, gatehouse.users.count());
    }
}
