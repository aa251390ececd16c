package io.gatehouse.application.service.account;

import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.ApiKeySecrets;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.service.ApiKeyPermission;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Makes a key, keeps only its digest and hint, and replaces the user's previous key. */
public final class CreateApiKeyService implements CreateApiKeyUseCase {

    private final ApiKeyPermission permission;
    private final ApiKeyRepository apiKeys;
    private final ApiKeySecrets secrets;
    private final AuthEvents events;
    private final Clock clock;

    public CreateApiKeyService(ApiKeyPermission permission, ApiKeyRepository apiKeys,
                               ApiKeySecrets secrets, AuthEvents events, Clock clock) {
        this.permission = Objects.requireNonNull(permission, "permission");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result create(Command command) {
        User user = command.principal().user();
        if (!permission.allows(user, command.principal().groupPermissions())) {
            return new Result.NotAllowed();
        }
        Instant now = clock.instant();
        ApiKeySecret secret = secrets.generate();
        ApiKey key = new ApiKey(user.id(), secrets.digest(secret), secret.hint(), now,
                command.validity().map(now::plus), Optional.empty());
        apiKeys.replace(key);
        events.publish(new AuthEvent.ApiKeyCreated(user.id()));
        return new Result.Created(secret, key);
    }
}
