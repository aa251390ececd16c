package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase.Result;
import io.gatehouse.application.port.in.account.GetApiKeyUseCase;
import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateApiKeyServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void anAdminAndAUser() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    // --- who may ----------------------------------------------------------------------------------------------------

    @Test
    void withApiKeysSwitchedOffEvenAnAdminMayNotMakeOne() {
        ApiKeys.enable(gatehouse, false);

        assertInstanceOf(Result.NotAllowed.class, ApiKeys.create(gatehouse, admin, Optional.empty()));
        assertEquals(Optional.empty(), gatehouse.apiKeys.findByUser(admin.user().id()));
        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.ApiKeyCreated.class));
    }

    @Test
    void aUserWithoutTheApiKeysPermissionMayNotMakeOne() {
        ApiKeys.enable(gatehouse, true);

        assertInstanceOf(Result.NotAllowed.class, ApiKeys.create(gatehouse, bob, Optional.empty()));
        assertEquals(Optional.empty(), gatehouse.apiKeys.findByUser(bob.user().id()));
    }

    @Test
    void anAdminMayMakeOneWithoutTheApiKeysPermission() {
        ApiKeys.enable(gatehouse, true);
        assertFalse(gatehouse.settings.current().defaultPermissions().isGranted("features.api_keys"));

        assertInstanceOf(Result.Created.class, ApiKeys.create(gatehouse, admin, Optional.empty()));
    }

    @Test
    void aGroupGrantingTheApiKeysPermissionLetsItsMembersMakeOne() {
        ApiKeys.enable(gatehouse, true);
        Group group = Accounts.group(gatehouse, "developers", Accounts.apiKeysGranted());
        gatehouse.groups.addMembers(group.id(), List.of(bob.user().id()), MembershipSource.ADMIN,
                gatehouse.clock.instant());

        assertInstanceOf(Result.Created.class, ApiKeys.create(gatehouse, bob, Optional.empty()));
    }

    @Test
    void defaultPermissionsGrantingApiKeysLetEveryUserMakeOne() {
        ApiKeys.enable(gatehouse, true);
        gatehouse.updateDefaultPermissions.update(new UpdateDefaultPermissionsUseCase.Command(admin.user().id(),
                Accounts.apiKeysGranted()));

        assertInstanceOf(Result.Created.class, ApiKeys.create(gatehouse, bob, Optional.empty()));
    }

    // --- what is kept --------------------------------------------------------------------------------------------

    @Test
    void theSecretIsShownOnceAndOnlyItsDigestAndHintAreKept() {
        ApiKeys.enable(gatehouse, true);

        Result.Created created = ApiKeys.created(gatehouse, admin);

        String secret = created.secret().reveal();
        assertTrue(ApiKeySecret.looksLikeApiKey(secret), secret);
        ApiKey stored = gatehouse.apiKeys.findByUser(admin.user().id()).orElseThrow();
        assertEquals(created.key(), stored);
        assertEquals(gatehouse.secrets.digest(created.secret()), stored.digest());
        assertNotEquals(secret, stored.hint());
        assertFalse(stored.hint().contains(secret.substring(ApiKeySecret.PREFIX.length(), secret.length() - 4)),
                "the hint must not give the key away: " + stored.hint());
        assertTrue(stored.hint().endsWith(secret.substring(secret.length() - 4)), stored.hint());
        GetApiKeyUseCase.Result.Found found = assertInstanceOf(GetApiKeyUseCase.Result.Found.class,
                gatehouse.getApiKey.get(gatehouse.principalOf(admin)));
        assertEquals(stored, found.key());
        assertTrue(ApiKeys.works(gatehouse, secret));
    }

    @Test
    void eachKeyIsNew() {
        ApiKeys.enable(gatehouse, true);

        String first = ApiKeys.created(gatehouse, admin).secret().reveal();
        String second = ApiKeys.created(gatehouse, admin).secret().reveal();

        assertNotEquals(first, second);
    }

    @Test
    void aNewKeyReplacesThePreviousOne() {
        ApiKeys.enable(gatehouse, true);
        Result.Created first = ApiKeys.created(gatehouse, admin);

        Result.Created second = ApiKeys.created(gatehouse, admin);

        assertFalse(ApiKeys.works(gatehouse, first.secret().reveal()));
        assertTrue(ApiKeys.works(gatehouse, second.secret().reveal()));
        assertEquals(second.key().digest(), gatehouse.apiKeys.findByUser(admin.user().id()).orElseThrow().digest());
    }

    @Test
    void theExpiryFollowsTheValidityAsked() {
        ApiKeys.enable(gatehouse, true);

        Result.Created created = assertInstanceOf(Result.Created.class,
                ApiKeys.create(gatehouse, admin, Optional.of(Duration.ofDays(30))));

        assertEquals(gatehouse.clock.instant(), created.key().createdAt());
        assertEquals(Optional.of(gatehouse.clock.instant().plus(Duration.ofDays(30))), created.key().expiresAt());
        assertEquals(Optional.empty(), created.key().lastUsedAt());
    }

    @Test
    void withoutAValidityTheKeyNeverExpires() {
        ApiKeys.enable(gatehouse, true);
        Result.Created created = ApiKeys.created(gatehouse, admin);

        gatehouse.clock.advance(Duration.ofDays(3650));

        assertEquals(Optional.empty(), created.key().expiresAt());
        assertTrue(ApiKeys.works(gatehouse, created.secret().reveal()));
    }

    @Test
    void creationIsPublished() {
        ApiKeys.enable(gatehouse, true);

        ApiKeys.created(gatehouse, admin);

        assertEquals(List.of(new AuthEvent.ApiKeyCreated(admin.user().id())),
                gatehouse.events.ofType(AuthEvent.ApiKeyCreated.class));
    }
}
