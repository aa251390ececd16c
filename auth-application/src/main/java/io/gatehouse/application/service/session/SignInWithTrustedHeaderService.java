package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.group.SyncGroupMembershipsUseCase;
import io.gatehouse.application.port.in.session.SignInWithTrustedHeaderUseCase;
import io.gatehouse.application.port.out.AuthEvent;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.AuthEvents;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.UserAccount;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.AccountWrites;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.group.BlockedGroupPatterns;
import io.gatehouse.domain.group.MembershipSource;
import io.gatehouse.domain.group.MembershipSync;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.settings.FixedSettings;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.User;
import io.gatehouse.domain.user.UserProfile;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Trusted-header sign-in (Open WebUI §8.2). Groups are synced through the shared membership rules with the
 * header as their source, so groups an admin assigned by hand stay (Open WebUI removes them) and no group is created.
 * A role change revokes the tokens issued under the old role; the session issued here carries the new one.
 */
public final class SignInWithTrustedHeaderService implements SignInWithTrustedHeaderUseCase {

    private static final MembershipSync GROUP_RULES =
            new MembershipSync(MembershipSource.TRUSTED_HEADER, BlockedGroupPatterns.none(), false);

    private final FixedSettings fixed;
    private final UserRepository users;
    private final AccountRegistrar registrar;
    private final AccountWrites writes;
    private final SyncGroupMembershipsUseCase groupSync;
    private final SessionIssuer sessions;
    private final AuthEvents events;
    private final Clock clock;

    public SignInWithTrustedHeaderService(FixedSettings fixed, UserRepository users, AccountRegistrar registrar,
                                          SyncGroupMembershipsUseCase groupSync, SessionIssuer sessions,
                                          AuthEvents events, Clock clock) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.users = Objects.requireNonNull(users, "users");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.writes = new AccountWrites(users);
        this.groupSync = Objects.requireNonNull(groupSync, "groupSync");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result signIn(Command command) {
        if (!fixed.passwordAuthEnabled()) {
            return new Result.Refused(Refusal.PASSWORD_AUTH_DISABLED);
        }
        Optional<EmailAddress> email = EmailAddress.parse(command.email().strip().toLowerCase(Locale.ROOT));
        if (email.isEmpty()) {
            return new Result.Refused(Refusal.INVALID_HEADER);
        }
        Optional<User> user = users.findAccountByEmail(email.get()).map(UserAccount::user);
        if (user.isEmpty()) {
            String name = command.name().map(String::strip).filter(given -> !given.isEmpty())
                    .orElse(email.get().value());
            registrar.register(name, email.get(), Optional.empty(), UserProfile.DEFAULT_IMAGE, Credential.none(),
                    FirstUserPolicy.PROMOTE_FIRST, Channel.TRUSTED_HEADER);
            // made now, or by a concurrent first request of the same person
            user = users.findAccountByEmail(email.get()).map(UserAccount::user);
        }
        User signedIn = user.orElseThrow();
        Optional<Role> role = command.role().flatMap(text -> Role.fromWireName(text.strip().toLowerCase(Locale.ROOT)));
        if (role.isPresent() && role.get() != signedIn.role()) {
            Role previous = signedIn.role();
            signedIn = writes.apply(signedIn.id(), current -> current.withRole(role.get(), clock.instant()))
                    .after().orElse(signedIn);
            events.publish(new AuthEvent.RoleChanged(signedIn.id(), previous, signedIn.role(), signedIn.id()));
        }
        Optional<List<String>> groups = command.groups().filter(names -> !names.isEmpty());
        if (groups.isPresent()) {
            groupSync.sync(new SyncGroupMembershipsUseCase.Command(signedIn.id(), GROUP_RULES, groups));
        }
        events.publish(new AuthEvent.SignedIn(signedIn.id(), command.from()));
        return new Result.SignedIn(sessions.issueFor(signedIn));
    }
}
