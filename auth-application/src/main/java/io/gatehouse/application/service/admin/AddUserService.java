package io.gatehouse.application.service.admin;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.admin.AddUserUseCase;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;

import java.util.Objects;
import java.util.Optional;

/** Creates the account with the role the admin chose; checks as sign-up does. */
public final class AddUserService implements AddUserUseCase {

    private final PasswordPolicy policy;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountRegistrar registrar;

    public AddUserService(PasswordPolicy policy, UserRepository users, PasswordHasher hasher,
                          AccountRegistrar registrar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
    }

    @Override
    public Result add(Command command) {
        if (users.findByEmail(command.email()).isPresent()) {
            return new Result.Refused(Refusal.EMAIL_TAKEN, Optional.empty());
        }
        PasswordCheck check = policy.check(command.password());
        if (!check.isAcceptable()) {
            return new Result.Refused(Refusal.PASSWORD_REJECTED, Optional.of(PasswordRejection.of(check, policy)));
        }
        InsertOutcome outcome = registrar.register(command.name(), command.email(), Optional.of(command.role()),
                command.profileImageUrl(), Credential.password(hasher.hash(command.password())),
                FirstUserPolicy.KEEP_ROLE, Channel.ADMIN);
        if (outcome instanceof InsertOutcome.Inserted) {
            return new Result.Added(((InsertOutcome.Inserted) outcome).user());
        }
        return new Result.Refused(Refusal.EMAIL_TAKEN, Optional.empty());
    }
}
