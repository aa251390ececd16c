package io.gatehouse.application.service.oauth;

import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.in.oauth.CompleteOAuthLoginUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.IdentityLinks;
import io.gatehouse.application.port.out.ProfilePictures;
import io.gatehouse.application.port.out.ShortLivedValues;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.port.out.oauth.ExternalIdentity;
import io.gatehouse.application.port.out.oauth.IdentityProvider;
import io.gatehouse.application.port.out.oauth.IdentityProviders;
import io.gatehouse.application.port.out.oauth.LoginCallback;
import io.gatehouse.application.port.out.oauth.LoginOutcome;
import io.gatehouse.application.port.out.oauth.LoginRefusal;
import io.gatehouse.application.port.out.oauth.LoginState;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.application.service.ProviderSessions;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.oauth.OAuthPolicy;
import io.gatehouse.domain.oauth.OAuthSettings;
import io.gatehouse.domain.oauth.PictureSync;
import io.gatehouse.domain.oauth.RoleMapping;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The callback of a single sign-on (Open WebUI §7.4) with what Open WebUI lacks:
 * <ul>
 *   <li>the login state is taken once from the server-side store, so a replayed callback finds none;</li>
 *   <li>an unknown identity joins the account with its e-mail only when the provider verified that e-mail
 *       ({@code email_verified}; Open WebUI #28283 is an account takeover);</li>
 *   <li>role management can fail closed, and groups sync through the shared membership rules (blocked groups are
 *       never created, hand-made memberships stay).</li>
 * </ul>
 * The rules are the single sign-on settings in force when the callback arrives, so an admin's change applies to the
 * next login.
 */
public final class CompleteOAuthLoginService implements CompleteOAuthLoginUseCase {

    private final ProfilePictures pictures;
    private final IdentityProviders providers;
    private final ShortLivedValues values;
    private final UserRepository users;
    private final IdentityLinks links;
    private final AccountRegistrar registrar;
    private final AccountWrites writes;
    private final SyncGroupMembershipsUseCase groupSync;
    private final SettingsHolder settings;
    private final SessionIssuer sessions;
    private final ProviderSessions providerSessions;
    private final AuthEvents events;
    private final Clock clock;

    public CompleteOAuthLoginService(ProfilePictures pictures, IdentityProviders providers, ShortLivedValues values,
                                     UserRepository users, IdentityLinks links, AccountRegistrar registrar,
                                     SyncGroupMembershipsUseCase groupSync, SettingsHolder settings,
                                     SessionIssuer sessions, ProviderSessions providerSessions, AuthEvents events,
                                     Clock clock) {
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.values = Objects.requireNonNull(values, "values");
        this.users = Objects.requireNonNull(users, "users");
        this.links = Objects.requireNonNull(links, "links");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.writes = new AccountWrites(users);
        this.groupSync = Objects.requireNonNull(groupSync, "groupSync");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.providerSessions = Objects.requireNonNull(providerSessions, "providerSessions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result complete(Command command) {
        Optional<IdentityProvider> provider = providers.find(command.provider());
        if (provider.isEmpty()) {
            return new Result.Refused(Refusal.UNKNOWN_PROVIDER, Optional.empty());
        }
        String accountKey = "oauth:" + provider.get().id();
        Optional<LoginState> kept = command.loginKey()
                .flatMap(key -> values.take(BeginOAuthLoginService.KEY_PREFIX + key))
                .flatMap(LoginState::fromStoredForm)
                .filter(state -> state.provider().equals(provider.get().id()));
        if (kept.isEmpty()) {
            return refused(accountKey, command, SignInFailure.OAUTH_LOGIN_FAILED, Refusal.PROVIDER_LOGIN_FAILED,
                    Optional.of("Missing state parameter in callback (session may have expired)"));
        }
        LoginOutcome outcome = provider.get().completeLogin(LoginCallback.fromParameters(command.parameters()),
                kept.get());
        if (outcome instanceof LoginOutcome.Refused) {
            LoginRefusal reason = ((LoginOutcome.Refused) outcome).reason();
            return refused(accountKey, command, SignInFailure.OAUTH_LOGIN_FAILED, Refusal.PROVIDER_LOGIN_FAILED,
                    Optional.of(detail(reason, command.parameters())));
        }
        return signIn(((LoginOutcome.SignedIn) outcome).identity(), command, settings.current().oauth());
    }

    private Result signIn(ExternalIdentity identity, Command command, OAuthSettings oauth) {
        OAuthPolicy policy = oauth.policy();
        String accountKey = "oauth:" + identity.provider() + ":" + identity.subject();
        Map<String, Object> claims = identity.claims();
        Optional<EmailAddress> email = policy.email(identity.provider(), identity.subject(), claims);
        if (email.isEmpty() || !policy.allowsDomainOf(email.get())) {
            return refused(accountKey, command, SignInFailure.OAUTH_INVALID_IDENTITY, Refusal.INVALID_IDENTITY,
                    Optional.empty());
        }
        Optional<User> linked = links.findUser(identity.provider(), identity.subject()).flatMap(users::findById);
        if (linked.isEmpty() && policy.mergeByEmail() && OAuthPolicy.emailVerified(claims)) {
            linked = users.findByEmail(email.get());
            linked.ifPresent(user -> links.link(user.id(), identity.provider(), identity.subject()));
        }
        Result result = linked.isPresent()
                ? existing(linked.get(), identity, email.get(), accountKey, command, oauth)
                : created(identity, email.get(), accountKey, command, oauth);
        if (result instanceof Result.SignedIn && policy.groupsManaged()) {
            groupSync.sync(new SyncGroupMembershipsUseCase.Command(((Result.SignedIn) result).session().user().id(),
                    oauth.membershipSync(), policy.groupsClaim().valuesIn(claims)));
        }
        return result;
    }

    private Result existing(User user, ExternalIdentity identity, EmailAddress email, String accountKey,
                            Command command, OAuthSettings oauth) {
        OAuthPolicy policy = oauth.policy();
        Optional<Role> mapped = roleFor(policy, identity.claims(), Optional.of(user.role()));
        // the only account stays its admin; accounts are counted (a query over all of them) only when the mapping
        // would not make it one anyway, not at every login
        Optional<Role> role = mapped.equals(Optional.of(Role.ADMIN)) || users.count() != 1
                ? mapped : Optional.of(Role.ADMIN);
        if (role.isEmpty()) {
            return refused(accountKey, command, SignInFailure.OAUTH_ROLE_REFUSED, Refusal.ROLE_REFUSED,
                    Optional.empty());
        }
        Instant now = clock.instant();
        Optional<String> name = policy.updateNameOnLogin()
                ? policy.name(identity.claims()).filter(given -> !given.equals(user.name())) : Optional.empty();
        // an address another account holds is not taken over; the sign-in goes on with the old one
        boolean emailMoves = policy.updateEmailOnLogin() && !email.equals(user.email())
                && users.findByEmail(email).isEmpty();
        Optional<String> picture = oauth.pictures().updateOnLogin() ? picture(oauth.pictures(), identity)
                .filter(fetched -> !fetched.equals(user.profile().profileImageUrl())) : Optional.empty();
        if (role.get() == user.role() && name.isEmpty() && !emailMoves && picture.isEmpty()) {
            return signedIn(user, identity, command);
        }
        User updated = writes.apply(user.id(), current -> {
            User changed = current.withRole(role.get(), now);
            if (name.isPresent()) {
                changed = changed.withName(name.get(), now);
            }
            if (picture.isPresent()) {
                changed = changed.withProfile(changed.profile().withImageUrl(picture.get()), now);
            }
            return emailMoves ? changed.withEmail(email, now) : changed;
        }).after().orElse(user);
        if (updated.role() != user.role()) {
            events.publish(new AuthEvent.RoleChanged(user.id(), user.role(), updated.role(), user.id()));
        }
        return signedIn(updated, identity, command);
    }

    private Result created(ExternalIdentity identity, EmailAddress email, String accountKey, Command command,
                           OAuthSettings oauth) {
        OAuthPolicy policy = oauth.policy();
        if (!policy.signupEnabled()) {
            return refused(accountKey, command, SignInFailure.OAUTH_SIGNUP_DISABLED, Refusal.SIGNUP_DISABLED,
                    Optional.empty());
        }
        if (users.findByEmail(email).isPresent()) {
            return refused(accountKey, command, SignInFailure.OAUTH_EMAIL_TAKEN, Refusal.EMAIL_TAKEN, Optional.empty());
        }
        // the very first account skips role management, so that an instance can always be set up (Open WebUI §7.5)
        Optional<Role> role = users.count() == 0 ? Optional.of(settings.current().defaultUserRole())
                : roleFor(policy, identity.claims(), Optional.empty());
        if (role.isEmpty()) {
            return refused(accountKey, command, SignInFailure.OAUTH_ROLE_REFUSED, Refusal.ROLE_REFUSED,
                    Optional.empty());
        }
        InsertOutcome outcome = registrar.register(policy.name(identity.claims()).orElse(email.value()), email,
                role, picture(oauth.pictures(), identity).orElse(UserProfile.DEFAULT_IMAGE), Credential.none(),
                FirstUserPolicy.PROMOTE_FIRST, Channel.OAUTH);
        if (!(outcome instanceof InsertOutcome.Inserted)) {
            return refused(accountKey, command, SignInFailure.OAUTH_EMAIL_TAKEN, Refusal.EMAIL_TAKEN, Optional.empty());
        }
        User user = ((InsertOutcome.Inserted) outcome).user();
        links.link(user.id(), identity.provider(), identity.subject());
        return signedIn(user, identity, command);
    }

    /**
     * The provider's picture of the user, fetched and kept as a data URI: from the claim's URL (without credentials),
     * else, when the claims name none, from the provider's own picture endpoint with the user's access token.
     */
    private Optional<String> picture(PictureSync pictureSync, ExternalIdentity identity) {
        if (pictureSync.asksProviderIn(identity.claims())) {
            return providers.find(identity.provider()).flatMap(IdentityProvider::pictureUrl)
                    .flatMap(url -> pictures.fetch(url, identity.tokens().accessToken()));
        }
        return pictureSync.urlIn(identity.claims()).flatMap(pictures::fetch);
    }

    private Optional<Role> roleFor(OAuthPolicy policy, Map<String, Object> claims, Optional<Role> current) {
        RoleMapping.Decision decision = policy.roles().decide(claims, current, settings.current().defaultUserRole());
        return decision instanceof RoleMapping.Decision.Assign
                ? Optional.of(((RoleMapping.Decision.Assign) decision).role()) : Optional.empty();
    }

    private Result signedIn(User user, ExternalIdentity identity, Command command) {
        events.publish(new AuthEvent.SignedIn(user.id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(user), providerSessions.open(user.id(), identity),
                identity.idToken());
    }

    private Result refused(String accountKey, Command command, SignInFailure failure, Refusal refusal,
                           Optional<String> detail) {
        events.publish(new AuthEvent.SignInFailed(accountKey, command.from(), failure));
        return new Result.Refused(refusal, detail);
    }

    /**
     * A short text for the login page, in the spirit of Open WebUI's {@code _build_oauth_callback_error_message}: the
     * provider's own error code when it sent one (letters, digits and {@code _.-} only), else what failed.
     */
    private static String detail(LoginRefusal reason, Map<String, String> parameters) {
        if (reason == LoginRefusal.PROVIDER_ERROR) {
            String code = parameters.getOrDefault("error", "").replaceAll("[^A-Za-z0-9_.-]", "");
            return code.isEmpty() ? "the provider refused the login"
                    : code.substring(0, Math.min(code.length(), 64));
        }
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
