package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.AuthenticateUseCase;
import io.gatehouse.application.port.in.session.Principal;
import io.gatehouse.application.port.out.ApiKeyRepository;
import io.gatehouse.application.port.out.ApiKeySecrets;
import io.gatehouse.application.port.out.Callers;
import io.gatehouse.application.port.out.TokenCodec;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.service.ApiKeyPermission;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.apikey.ApiKey;
import io.gatehouse.domain.apikey.ApiKeySecret;
import io.gatehouse.domain.token.TokenClaims;
import io.gatehouse.domain.token.TokenType;
import io.gatehouse.domain.user.User;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises callers (Open WebUI's {@code get_current_user}). A session token must verify, must not be revoked one
 * by one, must belong to an existing account, and must carry the account's current token version. An API key must
 * exist, not be expired, and its owner must be allowed API keys on this path. The account is read fresh every time,
 * with its group permissions and the token's revocation in the same read ({@link Callers}), so role changes,
 * deletions and revocations apply to the very next request at the cost of one trip to storage.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    /** How often a user's last activity is written at most: activity is a hint, not a log. */
    static final Duration ACTIVITY_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final TokenCodec tokens;
    private final Callers callers;
    private final UserRepository users;
    private final ApiKeyRepository apiKeys;
    private final ApiKeySecrets secrets;
    private final SettingsHolder settings;
    private final ApiKeyPermission apiKeyPermission;
    private final Clock clock;

    public AuthenticateService(TokenCodec tokens, Callers callers, UserRepository users, ApiKeyRepository apiKeys,
                               ApiKeySecrets secrets, SettingsHolder settings, ApiKeyPermission apiKeyPermission,
                               Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.users = Objects.requireNonNull(users, "users");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.apiKeyPermission = Objects.requireNonNull(apiKeyPermission, "apiKeyPermission");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result authenticate(Command command) {
        return ApiKeySecret.looksLikeApiKey(command.credential())
                ? byApiKey(ApiKeySecret.of(command.credential()), command.requestPath())
                : bySessionToken(command.credential());
    }

    private Result bySessionToken(String presented) {
        Optional<TokenClaims> decoded = tokens.decode(presented, TokenType.SESSION);
        if (decoded.isEmpty()) {
            return refused(Refusal.INVALID_TOKEN);
        }
        TokenClaims claims = decoded.get();
        Optional<Callers.SessionCaller> caller = callers.bySessionToken(claims.userId(), claims.tokenId());
        if (caller.isEmpty()) {
            return refused(Refusal.UNKNOWN_USER);
        }
        User user = caller.get().account().user();
        if (caller.get().tokenRevoked() || user.tokenVersion() != claims.tokenVersion()) {
            return refused(Refusal.REVOKED_TOKEN);
        }
        noteActivity(user);
        return new Result.Authenticated(new Principal(user, Principal.Method.SESSION_TOKEN, Optional.of(claims),
                caller.get().account().groupPermissions()));
    }

    private Result byApiKey(ApiKeySecret secret, String requestPath) {
        Instant now = clock.instant();
        Optional<Callers.ApiKeyCaller> caller = callers.byApiKey(secrets.digest(secret));
        if (caller.isEmpty()) {
            return refused(Refusal.UNKNOWN_API_KEY);
        }
        ApiKey key = caller.get().key();
        if (key.isExpiredAt(now)) {
            return refused(Refusal.EXPIRED_API_KEY);
        }
        Callers.Account owner = caller.get().owner();
        if (!apiKeyPermission.allows(owner.user(), owner.groupPermissions())) {
            return refused(Refusal.API_KEYS_NOT_ALLOWED);
        }
        if (!settings.current().apiKeyMayCall(requestPath)) {
            return refused(Refusal.API_KEY_ENDPOINT_NOT_ALLOWED);
        }
        if (key.isUseWorthRecording(now)) {
            apiKeys.recordUse(owner.user().id(), now);
        }
        noteActivity(owner.user());
        return new Result.Authenticated(new Principal(owner.user(), Principal.Method.API_KEY, Optional.empty(),
                owner.groupPermissions()));
    }

    private void noteActivity(User user) {
        Instant now = clock.instant();
        boolean due = user.lastActiveAt().map(last -> !now.isBefore(last.plus(ACTIVITY_RECORDING_INTERVAL))).orElse(true);
        if (due) {
            users.recordActivity(user.id(), now);
        }
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason);
    }
}
