package io.gatehouse.bootstrap;

import io.gatehouse.adapter.crypto.AesGcmTokenSealer;
import io.gatehouse.adapter.crypto.BcryptPasswordHasher;
import io.gatehouse.adapter.crypto.BoundedPasswordHasher;
import io.gatehouse.adapter.crypto.HmacTokenCodec;
import io.gatehouse.adapter.crypto.RandomApiKeySecrets;
import io.gatehouse.adapter.events.AuditLog;
import io.gatehouse.adapter.events.AuthEventFanout;
import io.gatehouse.adapter.events.SignupWebhook;
import io.gatehouse.adapter.inprocess.InProcessAttemptCounter;
import io.gatehouse.adapter.inprocess.InProcessAttemptGate;
import io.gatehouse.adapter.inprocess.InProcessFailureStreaks;
import io.gatehouse.adapter.inprocess.InProcessShortLivedValues;
import io.gatehouse.adapter.ldap.LdapConnectionSettings;
import io.gatehouse.adapter.ldap.UnboundIdLdapDirectory;
import io.gatehouse.adapter.oauth.pac4j.HttpProfilePictures;
import io.gatehouse.adapter.oauth.pac4j.ProviderSettings;
import io.gatehouse.adapter.persistence.jdbi.DatabaseSettings;
import io.gatehouse.adapter.persistence.jdbi.JdbiPersistence;
import io.gatehouse.adapter.redis.Redis;
import io.gatehouse.adapter.redis.RedisSettings;
import io.gatehouse.application.port.out.ApiKeySecrets;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.port.out.LdapDirectory;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.ProfilePictures;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.SettingsBroadcast;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.application.port.out.TokenRevocations;
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
import io.gatehouse.application.service.admin.GetSettingsService;
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
import io.gatehouse.application.service.ProviderSessions;
import io.gatehouse.application.service.oauth.BackChannelLogoutService;
import io.gatehouse.application.service.oauth.BeginOAuthLoginService;
import io.gatehouse.application.service.oauth.CompleteOAuthLoginService;
import io.gatehouse.application.service.oauth.DeleteProviderSessionsService;
import io.gatehouse.application.service.oauth.ExchangeProviderTokenService;
import io.gatehouse.application.service.oauth.GetProviderAccessTokenService;
import io.gatehouse.application.service.oauth.SettingsBackedIdentityProviders;
import io.gatehouse.application.service.session.AuthenticateService;
import io.gatehouse.application.service.session.DescribeSessionService;
import io.gatehouse.application.service.session.SignInWithLdapService;
import io.gatehouse.application.service.session.SignInWithPasswordService;
import io.gatehouse.application.service.session.SignInWithTrustedHeaderService;
import io.gatehouse.application.service.session.SignOutService;
import io.gatehouse.application.service.session.SignUpService;
import io.gatehouse.application.service.session.SingleUserSignIn;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.throttle.WindowLimit;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Assembles a {@link Gatehouse}: the database (required), the signing key (required, at least 32 bytes), and
 * everything else with Open WebUI's defaults. Every adapter is created here and nowhere else.
 */
public final class GatehouseBuilder {

    /** A picture of this size fits Open WebUI's default data URI limit (1,000,000 characters) once in base64. */
    private static final int MAX_PICTURE_BYTES = 512 * 1024;

    /**
     * Sign-ins that may wait for a hashing thread: 64 concurrent sign-ins are served without a refusal, and on 2 cores
     * at cost 12 the last of them waits about 8 s, well within what a browser waits.
     */
    static final int DEFAULT_HASH_QUEUE = 64;

    private Optional<DatabaseSettings> database = Optional.empty();
    private Optional<RedisSettings> redis = Optional.empty();
    private LdapConnectionSettings ldapConnection = LdapConnectionSettings.defaults();
    private List<ProviderSettings> identityProviders = List.of();
    private Map<String, URI> redirectUris = Map.of();
    private Map<String, String> openIdAuthorizeParams = Map.of();
    private boolean clientIdInCodeExchange = false;
    private Optional<OAuthPolicy> oauthPolicy = Optional.empty();
    private boolean oauthPersistentConfig = false;
    private int providerSessionsPerUser = 10;
    private Optional<byte[]> providerSessionKey = Optional.empty();
    private boolean backChannelLogout = false;
    private boolean tokenExchange = false;
    private Optional<PictureSync> pictureSync = Optional.empty();
    private boolean picturesFromPrivateAddresses = false;
    private WindowLimit tokenExchangeLimit = new WindowLimit(10, Duration.ofMinutes(1));
    private Set<String> tokenExchangeTrustedClients = Set.of();
    private Optional<byte[]> secretKey = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private int passwordHashCost = 12;
    private int passwordHashThreads = Runtime.getRuntime().availableProcessors();
    private int passwordHashQueue = DEFAULT_HASH_QUEUE;
    private FixedSettings fixedSettings = GatehouseConfig.fixedSettingsOf(Map.of());
    private AuthSettings settingsDefaults = GatehouseConfig.settingsDefaultsOf(Map.of());
    private final List<AuthEvents> eventSinks = new ArrayList<>();

    GatehouseBuilder() {
    }

    /** Where accounts live: a JDBC URL of H2 or PostgreSQL, with a pool of 10 connections. */
    public GatehouseBuilder databaseUrl(String jdbcUrl) {
        return database(new DatabaseSettings(jdbcUrl, Optional.empty(), Optional.empty(), 10, Duration.ofSeconds(30)));
    }

    public GatehouseBuilder database(DatabaseSettings settings) {
        this.database = Optional.of(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /**
     * Redis, shared by every instance: sign-in limits, revocations and settings changes then hold on all instances at
     * once. Without it, limits count per instance and revocations are read from the database alone.
     */
    public GatehouseBuilder redis(RedisSettings settings) {
        this.redis = Optional.of(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /**
     * How LDAP servers are reached: connect and response timeouts, connections per server. The servers themselves
     * are settings admins change at run time ({@link AuthSettings#ldap()}).
     */
    public GatehouseBuilder ldapConnection(LdapConnectionSettings settings) {
        this.ldapConnection = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Single sign-on: the identity providers fixed at start (none by default) and how their users become accounts
     * (Open WebUI's defaults: no sign-up, no merge). The policy is the default of a run-time setting (it replaces the
     * one of {@link #settingsDefaults}), which admins change with {@link Gatehouse#updateOAuthSettings()}. The id
     * {@code oidc} is left to Open WebUI's generic OpenID provider, configured in
     * {@code settingsDefaults(...).oauth().openId()} and by admins.
     */
    public GatehouseBuilder singleSignOn(List<ProviderSettings> providers, OAuthPolicy policy) {
        this.identityProviders = List.copyOf(providers);
        this.oauthPolicy = Optional.of(Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Whether admin changes of the single sign-on settings are stored and reach every instance, stored values then
     * winning over the defaults at start ({@code ENABLE_OAUTH_PERSISTENT_CONFIG}, off by default as in Open WebUI);
     * off, a change holds on the instance that took it until it stops.
     */
    public GatehouseBuilder oauthPersistentConfig(boolean stored) {
        this.oauthPersistentConfig = stored;
        return this;
    }

    /**
     * Sessions single sign-on leaves at providers: at most {@code perUser} per user and provider (10 by default), their
     * tokens sealed with a key derived from {@code encryptionKey} (by default the signing key).
     */
    public GatehouseBuilder providerSessions(int perUser, Optional<String> encryptionKey) {
        if (perUser < 1) {
            throw new IllegalArgumentException("at least one session per user and provider");
        }
        this.providerSessionsPerUser = perUser;
        this.providerSessionKey = encryptionKey.map(key -> key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Accept OpenID back-channel logout at {@code POST /oauth/backchannel-logout} (off by default). */
    public GatehouseBuilder backChannelLogout(boolean enabled) {
        this.backChannelLogout = enabled;
        return this;
    }

    /**
     * Token exchange at {@code POST /api/v1/auths/oauth/{provider}/token/exchange} (off by default), at most
     * {@code limit} attempts per client address and window.
     */
    public GatehouseBuilder tokenExchange(boolean enabled, WindowLimit limit) {
        this.tokenExchange = enabled;
        this.tokenExchangeLimit = Objects.requireNonNull(limit, "limit");
        return this;
    }

    /**
     * Only tokens the provider's introspection says were issued to one of these clients are exchanged (none by
     * default: any token the provider knows). Needs a provider with an introspection endpoint.
     */
    public GatehouseBuilder tokenExchangeTrustedClients(Set<String> clientIds) {
        this.tokenExchangeTrustedClients = Set.copyOf(clientIds);
        return this;
    }

    /**
     * Which claim holds the user's picture and whether it replaces the account's at every login; pictures are fetched
     * from public addresses only unless {@code fromPrivateAddresses}.
     */
    public GatehouseBuilder profilePictures(PictureSync sync, boolean fromPrivateAddresses) {
        this.pictureSync = Optional.of(Objects.requireNonNull(sync, "sync"));
        this.picturesFromPrivateAddresses = fromPrivateAddresses;
        return this;
    }

    /** The key that signs session tokens: at least 32 bytes of random text, the same on every instance. */
    public GatehouseBuilder secretKey(String key) {
        SecretKey strong = SecretKey.strong(Objects.requireNonNull(key, "key")).orElseThrow(() ->
                new IllegalArgumentException("the secret key needs at least " + SecretKey.MINIMUM_BYTES + " bytes"));
        this.secretKey = Optional.of(strong.bytes());
        return this;
    }

    /** The clock every expiry and limit is measured with. */
    public GatehouseBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** bcrypt's cost for new hashes: 12 by default, as Open WebUI; at least 10 in production. */
    public GatehouseBuilder passwordHashCost(int cost) {
        this.passwordHashCost = cost;
        return this;
    }

    /**
     * How many password hashes run at once (the number of cores by default) and how many more may wait (64); one
     * more sign-in than that is refused at once (503 over HTTP, {@link
     * io.gatehouse.application.port.out.CapacityExceededException} to callers of the use cases), so a flood of sign-ins
     * can neither take every core nor pile up without bound.
     */
    public GatehouseBuilder passwordHashing(int threads, int queueLength) {
        if (threads < 1 || queueLength < 0) {
            throw new IllegalArgumentException("password hashing needs at least one thread and a queue of zero or more");
        }
        this.passwordHashThreads = threads;
        this.passwordHashQueue = queueLength;
        return this;
    }

    /** Settings fixed at start: single-user mode, password policy, sign-in limits and the rest. */
    public GatehouseBuilder fixedSettings(FixedSettings settings) {
        this.fixedSettings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Defaults of the settings admins change at run time; stored values win over them. */
    public GatehouseBuilder settingsDefaults(AuthSettings settings) {
        this.settingsDefaults = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Another place auth events go, besides the audit log; closed with Gatehouse when it is {@link AutoCloseable}. */
    public GatehouseBuilder events(AuthEvents sink) {
        eventSinks.add(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /** Everything the environment configures for the standalone server. */
    GatehouseBuilder configuration(GatehouseConfig config) {
        database(config.database());
        secretKey = Optional.of(config.secretKey().bytes());
        passwordHashCost = config.bcryptCost();
        passwordHashing(config.bcryptThreads(), config.bcryptQueue());
        fixedSettings = config.fixedSettings();
        settingsDefaults = config.settingsDefaults();
        config.webhookUrl().ifPresent(url -> events(signupWebhook(url, config)));
        redis = config.redis();
        ldapConnection = config.ldapConnection();
        // the account rules and the generic provider came with the settings' defaults
        identityProviders = config.oauth().providers();
        redirectUris = config.oauth().redirectUris();
        openIdAuthorizeParams = config.oauth().openIdAuthorizeParams();
        clientIdInCodeExchange = config.oauth().clientIdInCodeExchange();
        oauthPersistentConfig = config.oauth().persistentSettings();
        providerSessions(config.oauth().sessionsPerUser(), config.oauth().sessionEncryptionKey());
        backChannelLogout(config.oauth().backChannelLogout());
        tokenExchange(config.oauth().tokenExchange(), config.oauth().tokenExchangeLimit());
        picturesFromPrivateAddresses = config.oauth().picturesFromPrivateAddresses();
        tokenExchangeTrustedClients(config.oauth().tokenExchangeTrustedClients());
        return this;
    }

    private static SignupWebhook signupWebhook(URI url, GatehouseConfig config) {
        return new SignupWebhook(() -> Optional.of(url), config.http().instanceName(), GatehouseConfig.VERSION,
                config.webhookAllowsPrivateAddresses());
    }

    public Gatehouse build() {
        DatabaseSettings databaseSettings = database.orElseThrow(() -> new IllegalStateException("no database: call databaseUrl(...)"));
        byte[] key = secretKey.orElseThrow(() -> new IllegalStateException("no secret key: call secretKey(...)"));
        // Opening the database (connecting, migrating the schema) is the longest step of a start, and mostly the JVM
        // loading classes: it runs on a thread of its own while this one makes what does not need the database.
        // Nothing is wired to it before it is open, so build() still returns a Gatehouse on a migrated schema.
        CompletableFuture<JdbiPersistence> opening = Futures.onThreadOfItsOwn("gatehouse-open-database",
                () -> JdbiPersistence.open(databaseSettings, clock));
        List<AutoCloseable> resources = new ArrayList<>();
        eventSinks.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(resources::add);
        JdbiPersistence persistence = null;
        try {
            BoundedPasswordHasher hasher = new BoundedPasswordHasher(new BcryptPasswordHasher(passwordHashCost),
                    passwordHashThreads, passwordHashQueue);
            resources.add(hasher);
            // No reference to a method of Redis (Redis::open) in this class: linking one loads the Redis adapter and
            // some 50 Jedis classes, Redis or not. Lambdas that call it are linked without it.
            Optional<Redis> shared = redis.isPresent() ? Optional.of(Redis.open(redis.get())) : Optional.empty();
            shared.ifPresent(resources::add);      // closed before the database: its listener reads settings
            UnboundIdLdapDirectory directory = new UnboundIdLdapDirectory(ldapConnection);
            resources.add(directory);
            TokenCodec tokens = new HmacTokenCodec(key, clock);
            persistence = Futures.join(opening);
            resources.add(0, persistence);         // closed last
            return new Gatehouse(wire(persistence, shared, directory, hasher, tokens, key), resources);
        } catch (RuntimeException failed) {
            try {
                if (persistence == null) {
                    // failed before the database was taken: close it once open
                    Futures.joinQuietly(opening).ifPresent(JdbiPersistence::close);
                }
                Gatehouse.closeAll(resources);
            } catch (RuntimeException closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        }
    }

    private Gatehouse.UseCaseSet wire(JdbiPersistence store, Optional<Redis> shared, LdapDirectory directory,
                                      PasswordHasher hasher, TokenCodec tokens, byte[] key) {
        ApiKeySecrets secrets = new RandomApiKeySecrets();
        List<AuthEvents> sinks = new ArrayList<>();
        sinks.add(new AuditLog());
        sinks.addAll(eventSinks);
        AuthEvents events = new AuthEventFanout(sinks);
        FixedSettings fixed = fixedSettings;

        // The gate reads and counts what the counter and the streaks hold; without Redis (or while it is away) they
        // are these three in-process pieces, so they must be the same instances.
        InProcessAttemptCounter localAttempts = new InProcessAttemptCounter();
        InProcessFailureStreaks localStreaks = new InProcessFailureStreaks();
        AttemptGate localGate = new InProcessAttemptGate(localAttempts, localStreaks);
        AttemptCounter attempts = shared.map(redis -> redis.attemptCounter(localAttempts)).orElse(localAttempts);
        FailureStreaks streaks = shared.map(redis -> redis.failureStreaks(localStreaks)).orElse(localStreaks);
        AttemptGate gate = shared.map(redis -> redis.attemptGate(localGate)).orElse(localGate);
        TokenRevocations revocations = shared.map(redis -> redis.tokenRevocations(store.tokenRevocations(), clock))
                .orElseGet(store::tokenRevocations);
        AuthSettings defaults = settingsDefaults.withOAuth(settingsDefaults.oauth()
                .withPolicy(oauthPolicy.orElse(settingsDefaults.oauth().policy()))
                .withPictures(pictureSync.orElse(settingsDefaults.oauth().pictures())));
        SettingsHolder settings = new SettingsHolder(store.settings(), defaults,
                shared.map(redis -> redis.settingsBroadcast()).orElse(SettingsBroadcast.NONE),
                oauthPersistentConfig ? SettingsHolder.OAuthPersistence.STORED
                        : SettingsHolder.OAuthPersistence.PROCESS_LOCAL);
        shared.ifPresent(redis -> redis.onSettingsChanged(settings::reload));
        EffectivePermissions permissions = new EffectivePermissions(store.groups(), settings);
        SessionIssuer sessions = new SessionIssuer(tokens, settings, permissions, clock);
        AccountRegistrar registrar = new AccountRegistrar(store.users(), store.groups(), settings, events, clock);
        ApiKeyPermission apiKeyPermission = new ApiKeyPermission(settings, permissions);
        SyncGroupMembershipsService groupSync = new SyncGroupMembershipsService(fixed.defaultGroupShare(),
                store.groups(), store.users(), events, clock);
        ShortLivedValues shortLived = shared.map(redis -> redis.shortLivedValues())
                .orElseGet(() -> new InProcessShortLivedValues(clock));
        // rebuilt from the settings in force whenever an admin changes them (Open WebUI keeps its first, #26917)
        IdentityProviders providers = new SettingsBackedIdentityProviders(settings,
                new SettingsIdentityProviderFactory(identityProviders, openIdAuthorizeParams,
                        clientIdInCodeExchange, clock));
        // made at the first picture: its HTTP client's TLS set-up was a tenth of the start, and only single sign-on
        // fetches pictures (an admin may configure a provider long after the start)
        ProfilePictures pictures = new FirstUseProfilePictures(() -> new HttpProfilePictures(Duration.ofSeconds(10),
                MAX_PICTURE_BYTES, picturesFromPrivateAddresses));
        ProviderSessions providerSessions = new ProviderSessions(store.idpSessions(),
                new AesGcmTokenSealer(providerSessionKey.orElse(key)), providerSessionsPerUser, clock);

        return new Gatehouse.UseCaseSet(
                new SignUpService(fixed, settings, store.users(), hasher, registrar, sessions),
                new SignInWithPasswordService(fixed, store.users(), hasher, attempts, streaks, gate, sessions,
                        new SingleUserSignIn(store.users(), hasher, registrar, sessions), events, clock),
                new SignOutService(fixed, tokens, revocations, events, providerSessions, providers),
                new AuthenticateService(tokens, store.callers(), store.users(), store.apiKeys(), secrets,
                        settings, apiKeyPermission, clock),
                new DescribeSessionService(permissions),
                new DescribeConfigurationService(fixed, settings, store.users()),
                new UpdateProfileService(store.users(), clock),
                new UpdateTimezoneService(store.users(), clock),
                new ChangePasswordService(fixed.passwordPolicy(), store.users(), hasher, sessions, events, clock),
                new CreateApiKeyService(apiKeyPermission, store.apiKeys(), secrets, events, clock),
                new GetApiKeyService(apiKeyPermission, store.apiKeys()),
                new DeleteApiKeyService(apiKeyPermission, store.apiKeys(), events),
                new AddUserService(fixed.passwordPolicy(), store.users(), hasher, registrar),
                new ListUsersService(store.users()),
                new UpdateUserService(fixed.passwordPolicy(), store.users(), hasher, events, clock),
                new DeleteUserService(store.users(), events),
                new GetAdminContactService(settings, store.users()),
                new GetSettingsService(settings),
                new UpdateSettingsService(settings, events),
                new UpdateDefaultPermissionsService(settings, events),
                new BootstrapAdminService(fixed.passwordPolicy(), store.users(), hasher, registrar),
                new ListGroupsService(store.groups()),
                new CreateGroupService(fixed.defaultGroupShare(), store.groups(), events, clock),
                new GetGroupService(store.groups()),
                new ExportGroupService(store.groups()),
                new ListGroupMembersService(store.groups(), store.users()),
                new UpdateGroupService(store.groups(), events, clock),
                new AddGroupMembersService(store.groups(), events, clock),
                new RemoveGroupMembersService(store.groups(), events),
                new DeleteGroupService(store.groups(), events),
                groupSync,
                new SignInWithLdapService(fixed, settings, directory, store.users(), registrar, groupSync, attempts,
                        streaks, gate, sessions, events, clock),
                new UpdateLdapSettingsService(settings, events),
                new SignInWithTrustedHeaderService(fixed, store.users(), registrar, groupSync, sessions, events, clock),
                new BeginOAuthLoginService(providers, shortLived, redirectUris, settings),
                new CompleteOAuthLoginService(pictures, providers, shortLived, store.users(), store.identityLinks(),
                        registrar, groupSync, settings, sessions, providerSessions, events, clock),
                new DeleteProviderSessionsService(providerSessions),
                new BackChannelLogoutService(backChannelLogout, providers, shortLived, store.identityLinks(),
                        providerSessions, store.users(), events, clock),
                new GetProviderAccessTokenService(providerSessions, providers, shortLived, clock),
                new ExchangeProviderTokenService(tokenExchange, tokenExchangeLimit, tokenExchangeTrustedClients,
                        settings, providers, store.identityLinks(), store.users(), attempts, sessions, events, clock),
                new UpdateOAuthSettingsService(settings, events));
    }
}
