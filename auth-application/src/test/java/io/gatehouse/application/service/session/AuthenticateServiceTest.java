package io.gatehouse.application.service.session;

import io.gatehouse.application.fake.InMemoryApiKeyRepository;
import io.gatehouse.application.fake.InMemoryCallers;
import io.gatehouse.application.fake.InMemoryUserRepository;
import io.gatehouse.application.fake.TestGatehouse;
import io.gatehouse.application.port.in.account.ChangePasswordUseCase;
import io.gatehouse.application.port.in.account.CreateApiKeyUseCase;
import io.gatehouse.application.port.in.account.UpdateProfileUseCase;
import io.gatehouse.application.port.in.admin.DeleteUserUseCase;
import io.gatehouse.application.port.in.admin.UpdateDefaultPermissionsUseCase;
import io.gatehouse.application.port.in.admin.UpdateUserUseCase;
import io.gatehouse.application.port.in.session.AuthenticateUseCase.Command;
import io.gatehouse.application.port.in.session.AuthenticateUseCase.Refusal;
import io.gatehouse.application.port.in.session.AuthenticateUseCase.Result;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignOutUseCase;
import io.gatehouse.application.service.Accounts;
import io.gatehouse.application.service.AuthSettingsBuilder;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.permission.DefaultPermissions;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.user.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AuthenticateServiceTest {

    private TestGatehouse gatehouse;
    private Session admin;
    private Session bob;

    @BeforeEach
    void anAdminAndAUser() {
        gatehouse = new TestGatehouse();
        admin = Accounts.firstAdmin(gatehouse);
        bob = Accounts.member(gatehouse, "bob@example.org", Role.USER);
    }

    private Result authenticate(String credential) {
        return authenticate(credential, "/api/v1/auths/");
    }

    private Result authenticate(String credential, String path) {
        return gatehouse.authenticate.authenticate(new Command(credential, path));
    }

    private Result authenticate(Session session) {
        return authenticate(session.token().value());
    }

    private static Principal principal(Result result) {
        return assertInstanceOf(Result.Authenticated.class, result).principal();
    }

    private static void assertRefused(Refusal expected, Result result) {
        assertEquals(new Result.Refused(expected), result);
    }

    private void enableApiKeys() {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysEnabled(true).build());
    }

    private void restrictApiKeysTo(String... endpoints) {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysRestrictedTo(endpoints).build());
    }

    private String apiKeyOf(Session session, Optional<Duration> validity) {
        CreateApiKeyUseCase.Result result = gatehouse.createApiKey.create(
                new CreateApiKeyUseCase.Command(gatehouse.principalOf(session), validity));
        return assertInstanceOf(CreateApiKeyUseCase.Result.Created.class, result).secret().reveal();
    }

    // --- session tokens ------------------------------------------------------------------------------------------

    @Test
    void aValidSessionTokenGivesThePrincipalWithItsClaims() {
        Principal principal = principal(authenticate(bob));

        assertEquals(bob.user().id(), principal.user().id());
        assertEquals(Principal.Method.SESSION_TOKEN, principal.method());
        assertEquals(Optional.of(bob.claims()), principal.sessionClaims());
    }

    @Test
    void thePrincipalCarriesTheAccountAsItIsNowNotAsItWasAtSignIn() {
        gatehouse.updateProfile.updateProfile(new UpdateProfileUseCase.Command(bob.user().id(), "Robert",
                UserProfile.withImage("/favicon.png")));

        Principal principal = principal(authenticate(bob));

        assertEquals("Robert", principal.user().name());
        assertEquals("/favicon.png", principal.user().profile().profileImageUrl());
    }

    @Test
    void aSignedOutTokenIsRevoked() {
        gatehouse.signOut.signOut(new SignOutUseCase.Command(Optional.of(bob.token().value()), Optional.empty()));

        assertRefused(Refusal.REVOKED_TOKEN, authenticate(bob));
    }

    @Test
    void aPasswordChangeRevokesTokensIssuedBefore() {
        gatehouse.changePassword.changePassword(new ChangePasswordUseCase.Command(bob.user().id(),
                PlainPassword.of(Accounts.PASSWORD), PlainPassword.of("a brand new one")));

        assertRefused(Refusal.REVOKED_TOKEN, authenticate(bob));
    }

    @Test
    void aRoleChangeRevokesTokensIssuedBefore() {
        gatehouse.updateUser.update(new UpdateUserUseCase.Command(admin.user().id(), bob.user().id(),
                Optional.of(Role.ADMIN), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertRefused(Refusal.REVOKED_TOKEN, authenticate(bob));
        principal(authenticate(admin));
    }

    @Test
    void aDeletedAccountsTokenNamesAnUnknownUser() {
        gatehouse.deleteUser.delete(new DeleteUserUseCase.Command(admin.user().id(), bob.user().id()));

        assertRefused(Refusal.UNKNOWN_USER, authenticate(bob));
    }

    @Test
    void garbageIsAnInvalidToken() {
        assertRefused(Refusal.INVALID_TOKEN, authenticate("not.a.token"));
        assertRefused(Refusal.INVALID_TOKEN, authenticate(""));
        assertRefused(Refusal.INVALID_TOKEN, authenticate("sk-"));
        assertRefused(Refusal.INVALID_TOKEN, authenticate(bob.token().value() + "x"));
    }

    @Test
    void aTokenIsInvalidOnceItsLifetimeHasPassed() {
        gatehouse.clock.advance(Duration.ofDays(28).minusSeconds(1));
        principal(authenticate(bob));

        gatehouse.clock.advance(Duration.ofSeconds(1));

        assertRefused(Refusal.INVALID_TOKEN, authenticate(bob));
    }

    @Test
    void theLifetimeInForceAtSignInDecidesWhenATokenExpires() {
        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).tokenLifetime("1h").build());
        Session shortLived = gatehouse.sessions.issueFor(bob.user());

        gatehouse.clock.advance(Duration.ofHours(1));

        assertRefused(Refusal.INVALID_TOKEN, authenticate(shortLived));
        principal(authenticate(bob));
    }

    @Test
    void activityIsRecordedAtMostOnceAMinute() {
        Instant signedUpAt = gatehouse.users.findById(bob.user().id()).orElseThrow().lastActiveAt().orElseThrow();

        gatehouse.clock.advance(Duration.ofSeconds(59));
        authenticate(bob);
        assertEquals(Optional.of(signedUpAt), gatehouse.users.findById(bob.user().id()).orElseThrow().lastActiveAt());

        gatehouse.clock.advance(Duration.ofSeconds(1));
        authenticate(bob);
        assertEquals(Optional.of(gatehouse.clock.instant()),
                gatehouse.users.findById(bob.user().id()).orElseThrow().lastActiveAt());
    }

    // --- API keys ------------------------------------------------------------------------------------------------

    @Test
    void aValidApiKeyGivesItsOwnerAsAnApiKeyPrincipal() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.empty());

        Principal principal = principal(authenticate(key));

        assertEquals(admin.user().id(), principal.user().id());
        assertEquals(Principal.Method.API_KEY, principal.method());
        assertEquals(Optional.empty(), principal.sessionClaims());
    }

    @Test
    void apiKeysSwitchedOffAreRefusedEvenForAdmins() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.empty());

        gatehouse.settings.update(current -> AuthSettingsBuilder.from(current).apiKeysEnabled(false).build());

        assertRefused(Refusal.API_KEYS_NOT_ALLOWED, authenticate(key));
    }

    @Test
    void aUserWhoLostTheApiKeysPermissionCannotUseTheirKey() {
        enableApiKeys();
        Group keyHolders = Accounts.group(gatehouse, "key holders", Accounts.apiKeysGranted());
        gatehouse.groups.addMembers(keyHolders.id(), List.of(bob.user().id()), MembershipSource.ADMIN,
                gatehouse.clock.instant());
        String key = apiKeyOf(bob, Optional.empty());
        principal(authenticate(key));

        gatehouse.groups.removeMembers(keyHolders.id(), List.of(bob.user().id()), List.of(MembershipSource.ADMIN));

        assertRefused(Refusal.API_KEYS_NOT_ALLOWED, authenticate(key));
    }

    @Test
    void theDefaultPermissionsDecideForUsersButAdminsAlwaysMayUseKeys() {
        enableApiKeys();
        gatehouse.updateDefaultPermissions.update(new UpdateDefaultPermissionsUseCase.Command(admin.user().id(),
                Accounts.apiKeysGranted()));
        String bobsKey = apiKeyOf(bob, Optional.empty());
        String adminsKey = apiKeyOf(admin, Optional.empty());
        principal(authenticate(bobsKey));

        gatehouse.updateDefaultPermissions.update(new UpdateDefaultPermissionsUseCase.Command(admin.user().id(),
                DefaultPermissions.openWebUi()));

        assertRefused(Refusal.API_KEYS_NOT_ALLOWED, authenticate(bobsKey));
        assertEquals(admin.user().id(), principal(authenticate(adminsKey)).user().id());
    }

    @Test
    void restrictedApiKeysReachAnAllowedPathAndWhatLiesBelowIt() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.empty());
        restrictApiKeysTo("/api/v1/models", " /api/chat/completions ");

        principal(authenticate(key, "/api/v1/models"));
        principal(authenticate(key, "/api/v1/models/gpt-4"));
        principal(authenticate(key, "/api/chat/completions"));
    }

    @Test
    void restrictedApiKeysAreRefusedElsewhereEvenOnAPathSharingThePrefix() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.empty());
        restrictApiKeysTo("/api/v1/models");

        assertRefused(Refusal.API_KEY_ENDPOINT_NOT_ALLOWED, authenticate(key, "/api/v1/modelsadmin"));
        assertRefused(Refusal.API_KEY_ENDPOINT_NOT_ALLOWED, authenticate(key, "/api/v1/users"));
        assertRefused(Refusal.API_KEY_ENDPOINT_NOT_ALLOWED, authenticate(key, "/api/v1"));
    }

    @Test
    void endpointRestrictionsDoNotApplyToSessionTokens() {
        restrictApiKeysTo("/api/v1/models");

        principal(authenticate(bob.token().value(), "/api/v1/users"));
    }

    @Test
    void anApiKeyPastItsExpiryIsRefused() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.of(Duration.ofHours(1)));
        gatehouse.clock.advance(Duration.ofMinutes(59));
        principal(authenticate(key));

        gatehouse.clock.advance(Duration.ofMinutes(1));

        assertRefused(Refusal.EXPIRED_API_KEY, authenticate(key));
    }

    @Test
    void anUnknownApiKeyIsRefused() {
        enableApiKeys();
        apiKeyOf(admin, Optional.empty());

        assertRefused(Refusal.UNKNOWN_API_KEY, authenticate("sk-0123456789abcdef0123456789abcdef"));
    }

    @Test
    void aReplacedApiKeyIsUnknown() {
        enableApiKeys();
        String old = apiKeyOf(admin, Optional.empty());
        String current = apiKeyOf(admin, Optional.empty());

        assertRefused(Refusal.UNKNOWN_API_KEY, authenticate(old));
        principal(authenticate(current));
    }

    @Test
    void apiKeyUseIsRecordedAtMostOnceAMinute() {
        enableApiKeys();
        String key = apiKeyOf(admin, Optional.empty());
        Instant firstUse = gatehouse.clock.instant();

        authenticate(key);
        gatehouse.clock.advance(Duration.ofSeconds(59));
        authenticate(key);
        assertEquals(Optional.of(firstUse), storedKey(admin).lastUsedAt());

        gatehouse.clock.advance(Duration.ofSeconds(1));
        authenticate(key);
        assertEquals(Optional.of(firstUse.plusSeconds(60)), storedKey(admin).lastUsedAt());
    }

    private ApiKey storedKey(Session owner) {
        return gatehouse.apiKeys.findByUser(owner.user().id()).orElseThrow();
    }

    @Test
    void theKeyOfADeletedAccountIsRefused() {
        enableApiKeys();
        gatehouse.updateDefaultPermissions.update(new UpdateDefaultPermissionsUseCase.Command(admin.user().id(),
                Accounts.apiKeysGranted()));
        String key = apiKeyOf(bob, Optional.empty());

        gatehouse.deleteUser.delete(new DeleteUserUseCase.Command(admin.user().id(), bob.user().id()));

        assertRefused(Refusal.UNKNOWN_API_KEY, authenticate(key));
    }

    @Test
    void aKeyWhoseOwnerIsGoneIsRefusedEvenIfTheStoreKeptIt() {
        // a store that did not cascade the deletion still holds the key
        InMemoryApiKeyRepository keptKeys = new InMemoryApiKeyRepository(new InMemoryUserRepository());
        AuthenticateService authenticate = new AuthenticateService(gatehouse.tokens, new InMemoryCallers(
                gatehouse.users, gatehouse.groups, keptKeys, gatehouse.revocations), gatehouse.users, keptKeys,
                gatehouse.secrets, gatehouse.settings, gatehouse.apiKeyPermission, gatehouse.clock);
        enableApiKeys();
        ApiKeySecret secret = gatehouse.secrets.generate();
        keptKeys.replace(new ApiKey(UserId.random(), gatehouse.secrets.digest(secret), secret.hint(),
                gatehouse.clock.instant(), Optional.empty(), Optional.empty()));

        Result result = authenticate.authenticate(new Command(secret.reveal(), "/api/v1/models"));

        assertRefused(Refusal.UNKNOWN_API_KEY, result);
    }
}
