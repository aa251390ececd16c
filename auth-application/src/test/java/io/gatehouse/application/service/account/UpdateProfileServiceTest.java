package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase.Command;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class UpdateProfileServiceTest {

    private static final UserProfile NEW_PROFILE = new UserProfile("https://cdn.example.org/bob.png",
            Optional.of("Plays the oboe"), Optional.of("m"), Optional.of(LocalDate.of(1990, 4, 1)));

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void bobHasAnAccount() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    @Test
    void theNameAndEveryProfileFieldAreReplacedAndStored() {
        gatehouse.clock.advance(Duration.ofMinutes(5));

        User updated = gatehouse.updateProfile.updateProfile(new Command(bob.user().id(), "Robert", NEW_PROFILE))
                .orElseThrow();

        assertEquals("Robert", updated.name());
        assertEquals(NEW_PROFILE, updated.profile());
        assertEquals(gatehouse.clock.instant(), updated.updatedAt());
        User stored = gatehouse.users.findById(bob.user().id()).orElseThrow();
        assertEquals("Robert", stored.name());
        assertEquals(NEW_PROFILE, stored.profile());
    }

    @Test
    void fieldsLeftOutOfTheNewProfileAreCleared() {
        gatehouse.updateProfile.updateProfile(new Command(bob.user().id(), "Robert", NEW_PROFILE));

        gatehouse.updateProfile.updateProfile(new Command(bob.user().id(), "Robert",
                UserProfile.withImage(UserProfile.DEFAULT_IMAGE)));

        assertEquals(Optional.empty(), gatehouse.users.findById(bob.user().id()).orElseThrow().profile().bio());
    }

    @Test
    void theRoleEmailAndSessionsStayAsTheyWere() {
        gatehouse.updateProfile.updateProfile(new Command(bob.user().id(), "Robert", NEW_PROFILE));

        User stored = gatehouse.users.findById(bob.user().id()).orElseThrow();
        assertEquals(Role.USER, stored.role());
        assertEquals(bob.user().email(), stored.email());
        assertInstanceOf(AuthenticateUseCase.Result.Authenticated.class, gatehouse.authenticate.authenticate(
                new AuthenticateUseCase.Command(bob.token().value(), "/")));
    }

    @Test
    void aDeletedAccountIsNotRecreated() {
        gatehouse.deleteUser.delete(new DeleteUserUseCase.Command(admin.user().id(), bob.user().id()));

        assertEquals(Optional.empty(),
                gatehouse.updateProfile.updateProfile(new Command(bob.user().id(), "Robert", NEW_PROFILE)));
        assertEquals(Optional.empty(), gatehouse.users.findById(bob.user().id()));
    }
}
