package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.in.session.SignInWithLdapUseCase;
import io.gatehouse.application.port.out.AttemptCounter;
import io.gatehouse.application.port.out.AttemptGate;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.AuthEvent.SignInFailure;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.FailureStreaks;
import io.gatehouse.application.port.out.LdapDirectory;
import io.gatehouse.application.port.out.LdapDirectory.GroupQuery;
import io.gatehouse.application.port.out.LdapDirectory.Lookup;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.UserAccount;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.ldap.LdapServer;
import io.gatehouse.domain.ldap.LdapSettings;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * LDAP sign-in (Open WebUI §6.2) with what Open WebUI lacks: one answer for every failure about the user, including
 * after several servers, the same throttles as password sign-in, and group sync through the shared membership rules
 * (memberships an admin assigned by hand stay). A blank password is refused before any bind: a simple bind with an
 * empty password is an anonymous bind, which many servers accept (RFC 4513 §5.1.2).
 */
public final class SignInWithLdapService implements SignInWithLdapUseCase {

    private final FixedSettings fixed;
    private final SettingsHolder settings;
    private final LdapDirectory directory;
    private final UserRepository users;
    private final AccountRegistrar registrar;
    private final SyncGroupMembershipsUseCase groupSync;
    private final SignInThrottle throttle;
    private final SessionIssuer sessions;
    private final AuthEvents events;
    private final Clock clock;

    public SignInWithLdapService(FixedSettings fixed, SettingsHolder settings, LdapDirectory directory,
                                 UserRepository users, AccountRegistrar registrar,
                                 SyncGroupMembershipsUseCase groupSync, AttemptCounter attempts,
                                 FailureStreaks streaks, AttemptGate gate, SessionIssuer sessions, AuthEvents events,
                                 Clock clock) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.users = Objects.requireNonNull(users, "users");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.groupSync = Objects.requireNonNull(groupSync, "groupSync");
        this.throttle = new SignInThrottle(fixed.signInLimits(), attempts, streaks, gate, "ldap");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result signIn(Command command) {
        LdapSettings ldap = settings.current().ldap();
        if (!ldap.enabled()) {
            return refused(Refusal.NOT_ENABLED);
        }
        if (!fixed.passwordAuthEnabled()) {
            return refused(Refusal.PASSWORD_AUTH_DISABLED);
        }
        String username = command.username().strip().toLowerCase(Locale.ROOT);
        String accountKey = "ldap:" + username;
        if (command.password().isBlank() || username.isEmpty()) {
            events.publish(new AuthEvent.SignInFailed(accountKey, command.from(), username.isEmpty()
                    ? SignInFailure.LDAP_USER_NOT_FOUND : SignInFailure.BLANK_PASSWORD));
            return refused(Refusal.FAILED);
        }
        Instant now = clock.instant();
        Optional<SignInThrottle.Throttled> throttled = throttle.admit(username, command.from(), now);
        if (throttled.isPresent()) {
            events.publish(new AuthEvent.SignInFailed(accountKey, command.from(), throttled.get().failure()));
            return new Result.Refused(Refusal.RATE_LIMITED, Optional.of(throttled.get().retryAfter()));
        }

        directory.retainOnly(ldap.serversToTry());
        GroupQuery groups = ldap.groupManagement()
                ? new GroupQuery(true, ldap.attributeForGroups(), ldap.groupSearchBase()) : GroupQuery.NONE;
        Optional<LdapDirectory.Reason> answer = Optional.empty();
        LdapDirectory.Reason outage = LdapDirectory.Reason.UNREACHABLE;
        for (LdapServer server : ldap.serversToTry()) {
            Lookup lookup = directory.authenticate(server, groups, username, command.password());
            if (lookup instanceof Lookup.Authenticated) {
                return signedIn((Lookup.Authenticated) lookup, username, accountKey, ldap, command, now);
            }
            LdapDirectory.Reason reason = ((Lookup.Refused) lookup).reason();
            if (reason.isOutage()) {
                outage = reason;
            } else {
                answer = Optional.of(reason);
            }
        }
        if (answer.isEmpty()) {
            // no server said anything about this user: an outage, not a wrong password, so it counts against no one
            events.publish(new AuthEvent.SignInFailed(accountKey, command.from(), failureOf(outage)));
            return refused(Refusal.UNAVAILABLE);
        }
        return failed(username, accountKey, command, now, failureOf(answer.get()));
    }

    private Result signedIn(Lookup.Authenticated entry, String username, String accountKey, LdapSettings ldap,
                            Command command, Instant now) {
        Optional<EmailAddress> email = entry.mails().stream().findFirst()
                .map(mail -> mail.strip().toLowerCase(Locale.ROOT)).flatMap(EmailAddress::parse);
        if (email.isEmpty()) {
            return failed(username, accountKey, command, now, SignInFailure.LDAP_NO_EMAIL);
        }
        Optional<User> user = users.findAccountByEmail(email.get()).map(UserAccount::user);
        if (user.isEmpty()) {
            registrar.register(entry.commonName().filter(name -> !name.isBlank()).orElse(username), email.get(),
                    Optional.empty(), UserProfile.DEFAULT_IMAGE, Credential.none(), FirstUserPolicy.PROMOTE_FIRST,
                    Channel.LDAP);
            // made now, or by a concurrent first sign-in of the same person
            user = users.findAccountByEmail(email.get()).map(UserAccount::user);
        }
        if (user.isEmpty()) {
            return failed(username, accountKey, command, now, SignInFailure.LDAP_NO_EMAIL);
        }
        if (ldap.groupManagement()) {
            groupSync.sync(new SyncGroupMembershipsUseCase.Command(user.get().id(), ldap.membershipSync(),
                    entry.groupNames()));
        }
        throttle.recordSuccess(username);
        events.publish(new AuthEvent.SignedIn(user.get().id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(user.get()));
    }

    private Result failed(String username, String accountKey, Command command, Instant now, SignInFailure failure) {
        throttle.recordFailure(username, command.from(), now);
        events.publish(new AuthEvent.SignInFailed(accountKey, command.from(), failure));
        return refused(Refusal.FAILED);
    }

    private static Result refused(Refusal refusal) {
        return new Result.Refused(refusal, Optional.empty());
    }

    private static SignInFailure failureOf(LdapDirectory.Reason reason) {
        switch (reason) {
            case USER_NOT_FOUND:
                return SignInFailure.LDAP_USER_NOT_FOUND;
            case AMBIGUOUS_USER:
                return SignInFailure.LDAP_AMBIGUOUS_USER;
            case RECORD_MISMATCH:
                return SignInFailure.LDAP_RECORD_MISMATCH;
            case WRONG_PASSWORD:
                return SignInFailure.LDAP_WRONG_PASSWORD;
            case APP_BIND_FAILED:
                return SignInFailure.LDAP_APP_BIND_FAILED;
            case MISCONFIGURED:
                return SignInFailure.LDAP_MISCONFIGURED;
            default:
                return SignInFailure.LDAP_UNREACHABLE;
        }
    }
}
