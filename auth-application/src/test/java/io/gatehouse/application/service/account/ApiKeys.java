package io.gatehouse.application.service.account;

import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.AuthSettingsBuilder;

import java.time.Duration;
import java.util.Optional;

/** What the API-key tests share. */
final class ApiKeys {

    private ApiKeys() {
    }

    static void enable(TestGatehouse gatehouse, boolean enabled) {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysEnabled(enabled).build());
    }

    static CreateApiKeyUseCase.Result create(TestGatehouse gatehouse, Session owner, Optional<Duration> validity) {
        return gatehouse.createApiKey.create(new CreateApiKeyUseCase.Command(gatehouse.principalOf(owner), validity));
    }

    static CreateApiKeyUseCase.Result.Created created(TestGatehouse gatehouse, Session owner) {
        CreateApiKeyUseCase.Result result = create(gatehouse, owner, Optional.empty());
        if (!(result instanceof CreateApiKeyUseCase.Result.Created)) {
            throw new AssertionError("key refused: " + result);
        }
        return (CreateApiKeyUseCase.Result.Created) result;
    }

    static boolean works(TestGatehouse gatehouse, String credential) {
        return gatehouse.authenticate.authenticate(new AuthenticateUseCase.Command(credential, "/api/v1/models"))
                instanceof AuthenticateUseCase.Result.Authenticated;
    }
}
