package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.PasswordRejection;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.application.service.SettingsHolder;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;
import io.gatehouse.domain.settings.AuthSettings;
import io.gatehouse.domain.settings.FixedSettings;

import java.util.Objects;
import java.util.Optional;

/**
 * Open WebUI's sign-up gate (§1.3, latest): once accounts exist, sign-up needs {@code ENABLE_SIGNUP} and the login
 * form; before the first account, {@code ENABLE_SIGNUP} is ignored and the login form or
 * {@code ENABLE_INITIAL_ADMIN_SIGNUP} suffices, for that first account only. Unlike Open WebUI, turning password
 * authentication off closes password sign-up too.
 */
public final class SignUpService implements SignUpUseCase {

    private final FixedSettings fixed;
    private final SettingsHolder settings;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountRegistrar registrar;
    private final SessionIssuer sessions;

    public SignUpService(FixedSettings fixed, SettingsHolder settings, UserRepository users, PasswordHasher hasher,
                         AccountRegistrar registrar, SessionIssuer sessions) {
        this.fixed = Objects.requireNonNull(fixed, "fixed");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Result signUp(Command command) {
        if (!fixed.passwordAuthEnabled()) {
            return refused(Refusal.PASSWORD_AUTH_DISABLED);
        }
        Optional<FirstUserPolicy> policy = admission();
        if (policy.isEmpty()) {
            return refused(Refusal.SIGNUP_DISABLED);
        }
        if (users.findByEmail(command.email()).isPresent()) {
            return refused(Refusal.EMAIL_TAKEN);
        }
        PasswordCheck check = fixed.passwordPolicy().check(command.password());
        if (!check.isAcceptable()) {
            return new Result.Refused(Refusal.PASSWORD_REJECTED,
                    Optional.of(PasswordRejection.of(check, fixed.passwordPolicy())));
        }
        Credential credential = Credential.password(hasher.hash(command.password()));
        InsertOutcome outcome = registrar.register(command.name(), command.email(), Optional.empty(),
                command.profileImageUrl(), credential, policy.get(), Channel.SIGNUP);
        if (outcome instanceof InsertOutcome.Inserted) {
            return new Result.SignedUp(sessions.issueFor(((InsertOutcome.Inserted) outcome).user()));
        }
        return refused(outcome instanceof InsertOutcome.EmailTaken ? Refusal.EMAIL_TAKEN : Refusal.SIGNUP_DISABLED);
    }

    /** How the account may be stored, or empty when sign-up is closed to this caller. */
    private Optional<FirstUserPolicy> admission() {
        AuthSettings current = settings.current();
        boolean accountsExist = users.count() > 0;
        if (!fixed.authEnabled()) {
            // single-user mode has one account: the store refuses this one if another got in first
            return accountsExist ? Optional.empty() : Optional.of(FirstUserPolicy.ONLY_AS_FIRST);
        }
        if (current.signupEnabled() && current.loginFormEnabled()) {
            return Optional.of(FirstUserPolicy.PROMOTE_FIRST);
        }
        if (!accountsExist && (current.loginFormEnabled() || fixed.initialAdminSignup())) {
            return Optional.of(FirstUserPolicy.ONLY_AS_FIRST);
        }
        return Optional.empty();
    }

    private static Result refused(Refusal reason) {
        return new Result.Refused(reason, Optional.empty());
    }
}
