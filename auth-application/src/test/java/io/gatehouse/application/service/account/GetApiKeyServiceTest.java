package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.account.GetApiKeyUseCase.Result;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.domain.role.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class GetApiKeyServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;

    @BeforeEach
    void apiKeysAreOn() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        ApiKeys.enable(gatehouse, true);
    }

    @Test
    void withoutAKeyTheAnswerIsAbsent() {
        assertInstanceOf(Result.Absent.class, gatehouse.getApiKey.get(gatehouse.principalOf(admin)));
    }

    @Test
    void theKeyIsShownAsStoredWithItsHint() {
        CreateApiKeyUseCase.Result.Created created = ApiKeys.created(gatehouse, admin);

        Result result = gatehouse.getApiKey.get(gatehouse.principalOf(admin));
        Result.Found found = assertInstanceOf(Result.Found.class, result);

        assertEquals(created.key(), found.key());
        assertEquals(created.secret().hint(), found.key().hint());
    }

    @Test
    void oneUsersKeyIsNotAnothers() {
        ApiKeys.created(gatehouse, admin);
        Session other = Accounts.member(gatehouse, "root2@example.org", Role.ADMIN);

        assertInstanceOf(Result.Absent.class, gatehouse.getApiKey.get(gatehouse.principalOf(other)));
    }

    @Test
    void withApiKeysSwitchedOffItIsNotAllowed() {
        ApiKeys.created(gatehouse, admin);
        ApiKeys.enable(gatehouse, false);

        assertInstanceOf(Result.NotAllowed.class, gatehouse.getApiKey.get(gatehouse.principalOf(admin)));
    }

    @Test
    void aUserWithoutTheApiKeysPermissionIsNotAllowed() {
        Session bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);

        assertInstanceOf(Result.NotAllowed.class, gatehouse.getApiKey.get(gatehouse.principalOf(bob)));
    }
}
