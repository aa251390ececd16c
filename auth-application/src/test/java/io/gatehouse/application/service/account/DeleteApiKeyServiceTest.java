package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.DeleteApiKeyUseCase.Result;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeleteApiKeyServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;

    @BeforeEach
    void apiKeysAreOn() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        ApiKeys.enable(gatehouse, true);
    }

    @Test
    void aDeletedKeyStopsWorkingAtOnce() {
        String key = ApiKeys.created(gatehouse, admin).secret().reveal();
        assertTrue(ApiKeys.works(gatehouse, key));

        assertEquals(new Result.Deleted(true), gatehouse.deleteApiKey.delete(gatehouse.principalOf(admin)));

        assertFalse(ApiKeys.works(gatehouse, key));
        assertEquals(Optional.empty(), gatehouse.apiKeys.findByUser(admin.user().id()));
        assertEquals(List.of(new AuthEvent.ApiKeyDeleted(admin.user().id())),
                gatehouse.events.ofType(AuthEvent.ApiKeyDeleted.class));
    }

    @Test
    void deletingWhenThereIsNoKeySaysSoAndPublishesNothing() {
        assertEquals(new Result.Deleted(false), gatehouse.deleteApiKey.delete(gatehouse.principalOf(admin)));

        assertEquals(List.of(), gatehouse.events.ofType(AuthEvent.ApiKeyDeleted.class));
    }

    @Test
    void deletingOnesOwnKeyLeavesOthersKeysAlone() {
        Session other = Accounts.member(gatehouse, "root2@example.org", Role.ADMIN);
        String othersKey = ApiKeys.created(gatehouse, other).secret().reveal();
        ApiKeys.created(gatehouse, admin);

        gatehouse.deleteApiKey.delete(gatehouse.principalOf(admin));

        assertTrue(ApiKeys.works(gatehouse, othersKey));
    }

    @Test
    void withoutThePermissionToHoldKeysDeletingIsNotAllowed() {
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
        ApiKeys.created(gatehouse, admin);
        ApiKeys.enable(gatehouse, false);

        assertInstanceOf(Result.NotAllowed.class, gatehouse.deleteApiKey.delete(gatehouse.principalOf(bob)));
        assertInstanceOf(Result.NotAllowed.class, gatehouse.deleteApiKey.delete(gatehouse.principalOf(admin)));
        assertTrue(gatehouse.apiKeys.findByUser(admin.user().id()).isPresent());
    }
}
