package io.gatehouse.benchmarks.micro;

import io.gatehouse.adapter.crypto.HmacTokenCodec;
import io.gatehouse.adapter.crypto.RandomApiKeySecrets;
import io.gatehouse.application.fake.FakePasswordHasher;
import io.gatehouse.application.fake.InMemoryCallers;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.fake.TestSettings;
import io.gatehouse.application.port.in.group.AddGroupMembersUseCase;
import io.gatehouse.application.port.in.group.CreateGroupUseCase;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.application.service.session.AuthenticateService;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.token.EncodedToken;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenLifetime;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.User;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every service over the in-memory stores, as {@link TestGatehouse} wires them, plus an {@link AuthenticateService}
 * with the real token codec and API-key digests; 1,000 accounts, the one measured in three groups, with a session
 * token and an API key made by the real adapters.
 */
final class RequestPath {

    static final int ACCOUNTS = 1_000;
    private static final byte[] KEY = "benchmark-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final TestGatehouse gatehouse;
    final HmacTokenCodec tokens;
    final RandomApiKeySecrets secrets = new RandomApiKeySecrets();
    final AuthenticateService authenticate;
    final User user;
    final EncodedToken token;
    final ApiKeySecret apiKey;

    RequestPath() {
        AuthSettings settings = AuthSettingsBuilder.defaults().apiKeysEnabled(true).defaultUserRole(Role.USER).build();
        gatehouse = new TestGatehouse(TestSettings.fixedDefaults(), settings, new FakePasswordHasher());
        tokens = new HmacTokenCodec(KEY, gatehouse.clock);
        authenticate = new AuthenticateService(tokens, new InMemoryCallers(gatehouse.users, gatehouse.groups,
                gatehouse.apiKeys, gatehouse.revocations), gatehouse.users, gatehouse.apiKeys, secrets,
                gatehouse.settings, gatehouse.apiKeyPermission, gatehouse.clock);

        Session admin = gatehouse.signedUp("admin@bench.example");
        // the first admin closes public sign-up; open it again for the other accounts
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).signupEnabled(true).build());
        Session measured = null;
        for (int i = 1; i < ACCOUNTS; i++) {
            Session session = gatehouse.signedUp("user" + i + "@bench.example");
            if (i == ACCOUNTS / 2) {
                measured = session;
            }
        }
        user = measured.user();
        for (String name : List.of("engineering", "on-call", "readers")) {
            CreateGroupUseCase.Result created = gatehouse.createGroup.create(new CreateGroupUseCase.Command(
                    admin.user().id(), GroupName.parse(name).orElseThrow(), "",
                    PermissionTree.of(Map.of("features", Map.of("api_keys", true))), FreeFormData.empty()));
            gatehouse.addGroupMembers.add(new AddGroupMembersUseCase.Command(admin.user().id(),
                    ((CreateGroupUseCase.Result.Created) created).group().group().id(), List.of(user.id())));
        }
        token = tokens.encode(TokenClaims.issue(user.id(), TokenType.SESSION, user.tokenVersion(),
                TokenLifetime.defaultLifetime(), gatehouse.clock.instant()));
        apiKey = secrets.generate();
        gatehouse.apiKeys.replace(new ApiKey(user.id(), secrets.digest(apiKey), "sk-...", gatehouse.clock.instant(),
                Optional.empty(), Optional.empty()));
    }
}
