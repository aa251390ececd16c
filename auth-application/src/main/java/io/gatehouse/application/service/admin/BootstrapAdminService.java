package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.admin.BootstrapAdminUseCase;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.UserProfile;

import java.util.Objects;
import java.util.Optional;

/** Creates the admin only as the very first account; the store decides atomically, so racing instances make one. */
public final class BootstrapAdminService implements BootstrapAdminUseCase {

    private final PasswordPolicy policy;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountRegistrar registrar;

    public BootstrapAdminService(PasswordPolicy policy, UserRepository users, PasswordHasher hasher,
                                 AccountRegistrar registrar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
    }

    @Override
    public Result bootstrap(Command command) {
        if (users.count() > 0) {
            return new Result.AccountsExist();
        }
        PasswordCheck check = policy.check(command.password());
        if (!check.isAcceptable()) {
            return new Result.PasswordRejected(PasswordRejection.of(check, policy));
        }
        InsertOutcome outcome = registrar.register(command.name(), command.email(), Optional.of(Role.ADMIN),
                UserProfile.DEFAULT_IMAGE, Credential.password(hasher.hash(command.password())),
                FirstUserPolicy.ONLY_AS_FIRST, Channel.BOOTSTRAP);
        return outcome instanceof InsertOutcome.Inserted
                ? new Result.Created(((InsertOutcome.Inserted) outcome).user())
                : new Result.AccountsExist();
    }
}
