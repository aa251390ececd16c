package io.gatehouse.application.fake;

import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.in.session.Session;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.ApiKeyPermission;
import io.gatehouse.application.service.EffectivePermissions;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.application.service.account.ChangePasswordService;
import io.gatehouse.application.service.account.CreateApiKeyService;
import io.gatehouse.application.service.account.DeleteApiKeyService;
import io.gatehouse.application.service.account.GetApiKeyService;
import io.gatehouse.application.service.account.UpdateProfileService;
import io.gatehouse.application.service.account.UpdateTimezoneService;
import io.gatehouse.application.service.admin.AddUserService;
import io.gatehouse.application.service.admin.BootstrapAdminService;
import io.gatehouse.application.service.admin.DeleteUserService;
import io.gatehouse.application.service.admin.GetAdminContactService;
import io.gatehouse.application.service.admin.ListUsersService;
import io.gatehouse.application.service.admin.UpdateDefaultPermissionsService;
import io.gatehouse.application.service.admin.UpdateLdapSettingsService;
import io.gatehouse.application.service.admin.UpdateOAuthSettingsService;
import io.gatehouse.application.service.admin.UpdateSettingsService;
import io.gatehouse.application.service.admin.UpdateUserService;
import io.gatehouse.application.service.config.DescribeConfigurationService;
import io.gatehouse.application.service.group.AddGroupMembersService;
import io.gatehouse.application.service.group.CreateGroupService;
import io.gatehouse.application.service.group.DeleteGroupService;
import io.gatehouse.application.service.group.ExportGroupService;
import io.gatehouse.application.service.group.GetGroupService;
import io.gatehouse.application.service.group.ListGroupMembersService;
import io.gatehouse.application.service.group.ListGroupsService;
import io.gatehouse.application.service.group.RemoveGroupMembersService;
import io.gatehouse.application.service.group.SyncGroupMembershipsService;
import io.gatehouse.application.service.group.UpdateGroupService;
import io.gatehouse.application.port.out.ProfilePictures;
import io.gatehouse.application.port.out.TokenSealer;
import io.gatehouse.application.service.ProviderSessions;
import io.gatehouse.application.service.oauth.BackChannelLogoutService;
import io.gatehouse.application.service.oauth.BeginOAuthLoginService;
import io.gatehouse.application.service.oauth.DeleteProviderSessionsService;
import io.gatehouse.application.service.oauth.ExchangeProviderTokenService;
import io.gatehouse.application.service.oauth.GetProviderAccessTokenService;
import io.gatehouse.application.service.oauth.CompleteOAuthLoginService;
import io.gatehouse.application.service.session.AuthenticateService;
import io.gatehouse.application.service.session.DescribeSessionService;
import io.gatehouse.application.service.session.SignInWithLdapService;
import io.gatehouse.application.service.session.SignInWithPasswordService;
import io.gatehouse.application.service.session.SignInWithTrustedHeaderService;
import io.gatehouse.application.service.session.SignOutService;
import io.gatehouse.application.service.session.SignUpService;
import io.gatehouse.application.service.session.SingleUserSignIn;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.user.UserId;
import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.group.ShareSetting;
import io.gatehouse.domain.group.GroupName;
import io.gatehouse.domain.group.GroupId;
import io.gatehouse.domain.group.Group;
import io.gatehouse.domain.group.FreeFormData;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.throttle.WindowLimit;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserProfile;

import java.net.URI;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * Every service wired over the fakes, as the composition root wires them over real adapters. Tests read the fakes
 * directly to check what the services did.
 */
public final class TestGatehouse {

    public final MutableClock clock = MutableClock.startingAt("2026-01-01T12:00:00Z");
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryGroupRepository groups = new InMemoryGroupRepository(users);
    public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(users);
    public final InMemoryTokenRevocations revocations = new InMemoryTokenRevocations();
    public final InMemorySettingsRepository settingsStore = new InMemorySettingsRepository();
    public final FakeTokenCodec tokens = new FakeTokenCodec(clock);
    public final FakeApiKeySecrets secrets = new FakeApiKeySecrets();
    public final SimpleAttemptCounter attempts = new SimpleAttemptCounter();
    public final SimpleFailureStreaks streaks = new SimpleFailureStreaks();
    public final SimpleAttemptGate gate = new SimpleAttemptGate(attempts, streaks);
    public final RecordingAuthEvents events = new RecordingAuthEvents();
    public final FakeLdapDirectory ldapDirectory = new FakeLdapDirectory();
    public final InMemoryIdentityLinks identityLinks = new InMemoryIdentityLinks(users);
    public final FakeIdentityProviders identityProviders = new FakeIdentityProviders();
    public final SimpleShortLivedValues shortLivedValues = new SimpleShortLivedValues(clock);
    public final InMemoryIdpSessions idpSessions = new InMemoryIdpSessions(users);
    /** Seals by reversing and marking, so tests can see that nothing is stored in clear. */
    public final TokenSealer sealer = new TokenSealer() {
        @Override
        public String seal(String plaintext) {
            return "sealed:" + new StringBuilder(plaintext).reverse();
        }

        @Override
        public Optional<String> open(String sealed) {
            return sealed.startsWith("sealed:")
                    ? Optional.of(new StringBuilder(sealed.substring(7)).reverse().toString()) : Optional.empty();
        }
    };
    /** Pictures by URL, as a test puts them; anything else cannot be had. */
    public final Map<URI, String> pictureServer = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the picture fetches with a bearer token were sent: the URL, a space, the token. */
    public final List<String> bearerPictureFetches = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final ProfilePictures pictures = new ProfilePictures() {
        @Override
        public Optional<String> fetch(URI url) {
            return Optional.ofNullable(pictureServer.get(url));
        }

        @Override
        public Optional<String> fetch(URI url, String accessToken) {
            bearerPictureFetches.add(url + " " + accessToken);
            return Optional.ofNullable(pictureServer.get(url));
        }
    };
    public final ProviderSessions providerSessions = new ProviderSessions(idpSessions, sealer, 3, clock);
    public final PasswordHasher hasher;
    public final FixedSettings fixed;

    public final SettingsHolder settings;
    public final EffectivePermissions permissions;
    public final SessionIssuer sessions;
    public final AccountRegistrar registrar;
    public final ApiKeyPermission apiKeyPermission;

    public final SignUpService signUp;
    public final SignInWithPasswordService signIn;
    public final SignInWithLdapService signInWithLdap;
    public final UpdateLdapSettingsService updateLdapSettings;
    public final UpdateOAuthSettingsService updateOAuthSettings;
    public final SignInWithTrustedHeaderService signInWithTrustedHeader;
    public final BeginOAuthLoginService beginOAuthLogin;
    public final CompleteOAuthLoginService completeOAuthLogin;
    public final DeleteProviderSessionsService deleteProviderSessions;
    public final GetProviderAccessTokenService providerAccessToken;
    public BackChannelLogoutService backChannelLogout;
    public ExchangeProviderTokenService exchangeProviderToken;
    public final SignOutService signOut;
    public final AuthenticateService authenticate;
    public final DescribeSessionService describeSession;
    public final UpdateProfileService updateProfile;
    public final UpdateTimezoneService updateTimezone;
    public final ChangePasswordService changePassword;
    public final CreateApiKeyService createApiKey;
    public final GetApiKeyService getApiKey;
    public final DeleteApiKeyService deleteApiKey;
    public final AddUserService addUser;
    public final ListUsersService listUsers;
    public final UpdateUserService updateUser;
    public final DeleteUserService deleteUser;
    public final GetAdminContactService adminContact;
    public final UpdateSettingsService updateSettings;
    public final UpdateDefaultPermissionsService updateDefaultPermissions;
    public final BootstrapAdminService bootstrapAdmin;
    public final DescribeConfigurationService describeConfiguration;
    public final ListGroupsService listGroups;
    public final CreateGroupService createGroup;
    public final GetGroupService getGroup;
    public final ExportGroupService exportGroup;
    public final ListGroupMembersService listGroupMembers;
    public final UpdateGroupService updateGroup;
    public final AddGroupMembersService addGroupMembers;
    public final RemoveGroupMembersService removeGroupMembers;
    public final DeleteGroupService deleteGroup;
    public final SyncGroupMembershipsService syncGroupMemberships;

    public TestGatehouse() {
        this(TestSettings.fixedDefaults(), TestSettings.authDefaults(), new FakePasswordHasher());
    }

    public TestGatehouse(FixedSettings fixed, AuthSettings authDefaults, PasswordHasher hasher) {
        this.fixed = fixed;
        this.hasher = hasher;
        settings = new SettingsHolder(settingsStore, authDefaults);
        permissions = new EffectivePermissions(groups, settings);
        sessions = new SessionIssuer(tokens, settings, permissions, clock);
        registrar = new AccountRegistrar(users, groups, settings, events, clock);
        apiKeyPermission = new ApiKeyPermission(settings, permissions);

        signUp = new SignUpService(fixed, settings, users, hasher, registrar, sessions);
        signIn = new SignInWithPasswordService(fixed, users, hasher, attempts, streaks, gate, sessions,
                new SingleUserSignIn(users, hasher, registrar, sessions), events, clock);
        updateLdapSettings = new UpdateLdapSettingsService(settings, events);
        updateOAuthSettings = new UpdateOAuthSettingsService(settings, events);
        signOut = new SignOutService(fixed, tokens, revocations, events, providerSessions, identityProviders);
        authenticate = new AuthenticateService(tokens, new InMemoryCallers(users, groups, apiKeys, revocations), users,
                apiKeys, secrets, settings, apiKeyPermission, clock);
        describeSession = new DescribeSessionService(permissions);
        updateProfile = new UpdateProfileService(users, clock);
        updateTimezone = new UpdateTimezoneService(users, clock);
        changePassword = new ChangePasswordService(fixed.passwordPolicy(), users, hasher, sessions, events, clock);
        createApiKey = new CreateApiKeyService(apiKeyPermission, apiKeys, secrets, events, clock);
        getApiKey = new GetApiKeyService(apiKeyPermission, apiKeys);
        deleteApiKey = new DeleteApiKeyService(apiKeyPermission, apiKeys, events);
        addUser = new AddUserService(fixed.passwordPolicy(), users, hasher, registrar);
        listUsers = new ListUsersService(users);
        updateUser = new UpdateUserService(fixed.passwordPolicy(), users, hasher, events, clock);
        deleteUser = new DeleteUserService(users, events);
        adminContact = new GetAdminContactService(settings, users);
        updateSettings = new UpdateSettingsService(settings, events);
        updateDefaultPermissions = new UpdateDefaultPermissionsService(settings, events);
        bootstrapAdmin = new BootstrapAdminService(fixed.passwordPolicy(), users, hasher, registrar);
        describeConfiguration = new DescribeConfigurationService(fixed, settings, users);
        listGroups = new ListGroupsService(groups);
        createGroup = new CreateGroupService(fixed.defaultGroupShare(), groups, events, clock);
        getGroup = new GetGroupService(groups);
        exportGroup = new ExportGroupService(groups);
        listGroupMembers = new ListGroupMembersService(groups, users);
        updateGroup = new UpdateGroupService(groups, events, clock);
        addGroupMembers = new AddGroupMembersService(groups, events, clock);
        removeGroupMembers = new RemoveGroupMembersService(groups, events);
        deleteGroup = new DeleteGroupService(groups, events);
        syncGroupMemberships = new SyncGroupMembershipsService(fixed.defaultGroupShare(), groups, users, events, clock);
        signInWithLdap = new SignInWithLdapService(fixed, settings, ldapDirectory, users, registrar,
                syncGroupMemberships, attempts, streaks, gate, sessions, events, clock);
        signInWithTrustedHeader = new SignInWithTrustedHeaderService(fixed, users, registrar, syncGroupMemberships,
                sessions, events, clock);
        beginOAuthLogin = new BeginOAuthLoginService(identityProviders, shortLivedValues, Map.of(), settings);
        completeOAuthLogin = new CompleteOAuthLoginService(pictures, identityProviders, shortLivedValues, users,
                identityLinks, registrar, syncGroupMemberships, settings, sessions, providerSessions, events, clock);
        trustTokensOf(Set.of());
        deleteProviderSessions = new DeleteProviderSessionsService(providerSessions);
        providerAccessToken = new GetProviderAccessTokenService(providerSessions, identityProviders, shortLivedValues,
                clock);
        backChannelLogout(true);
    }

    /** Signs up an account with a valid password and returns its session; fails the test if sign-up refuses. */
    /** Single sign-on under another policy, put in force as an admin would. */
    public void useOAuthPolicy(OAuthPolicy policy) {
        useOAuthSettings(oauth -> oauth.withPolicy(policy));
    }

    /** Other single sign-on settings, put in force as an admin would. */
    public void useOAuthSettings(java.util.function.UnaryOperator<OAuthSettings> change) {
        settings.update(current -> current.withOAuth(change.apply(current.oauth())));
    }

    /** Token exchange only for tokens issued to these clients, as {@code OAUTH_TOKEN_EXCHANGE_TRUSTED_CLIENT_IDS} says at start. */
    public void trustTokensOf(Set<String> clients) {
        exchangeProviderToken = new ExchangeProviderTokenService(true, new WindowLimit(10, Duration.ofMinutes(1)),
                clients, settings, identityProviders, identityLinks, users, attempts, sessions, events, clock);
    }

    /** Back-channel logout switched on or off, as {@code ENABLE_OAUTH_BACKCHANNEL_LOGOUT} does at start. */
    public void backChannelLogout(boolean enabled) {
        backChannelLogout = new BackChannelLogoutService(enabled, identityProviders, shortLivedValues, identityLinks,
                providerSessions, users, events, clock);
    }

    /** A group made directly in the store, as if an admin had made it earlier. */
    public Group storedGroup(String name) {
        Group group = Group.create(new GroupName(name), "", PermissionTree.empty(), FreeFormData.empty(),
                ShareSetting.MEMBERS, UserId.random(), clock.instant());
        groups.insert(group);
        return group;
    }

    /** The user's memberships, each as {@code <group name>:<source>}. */
    public Set<String> membershipsOf(UserId user) {
        Map<GroupId, String> names = groups.findAll().stream()
                .collect(Collectors.toMap(Group::id, group -> group.name().value()));
        return groups.membershipsOf(user).stream()
                .map(membership -> names.get(membership.groupId()) + ":" + membership.source())
                .collect(Collectors.toSet());
    }

    public Session signedUp(String email) {
        SignUpUseCase.Result result = signUp.signUp(new SignUpUseCase.Command(email.substring(0, email.indexOf('@')),
                EmailAddress.of(email), PlainPassword.of("correct horse"), UserProfile.DEFAULT_IMAGE));
        if (!(result instanceof SignUpUseCase.Result.SignedUp)) {
            throw new AssertionError("sign-up refused: " + result);
        }
        return ((SignUpUseCase.Result.SignedUp) result).session();
    }

    /** The principal a request with this session's token would have. */
    public Principal principalOf(Session session) {
        return new Principal(users.findById(session.user().id()).orElseThrow(), Principal.Method.SESSION_TOKEN,
                Optional.of(session.claims()), groups.permissionTreesOf(session.user().id()));
    }
}
