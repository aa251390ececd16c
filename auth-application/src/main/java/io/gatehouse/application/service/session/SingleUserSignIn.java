package io.gatehouse.application.service.session;

import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase.Refusal;
import io.gatehouse.application.port.in.session.SignInWithPasswordUseCase.Result;
import io.gatehouse.application.port.out.AuthEvent.Channel;
import io.gatehouse.application.port.out.PasswordHasher;
import io.gatehouse.application.port.out.UserRepository;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.UserAccount;
import io.gatehouse.application.service.AccountRegistrar;
import io.gatehouse.application.service.SessionIssuer;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserProfile;

import java.util.Objects;
import java.util.Optional;

/**
 * Single-user mode ({@code WEBUI_AUTH=false}, Open WebUI §1.2 step 3): everyone is the fixed account
 * {@code admin@localhost}, made on the first sign-in if the instance has no account yet.
 */
public final class SingleUserSignIn {

    static final EmailAddress ACCOUNT = EmailAddress.of("admin@localhost");
    private static final PlainPassword PASSWORD = PlainPassword.of("admin");
    private static final String NAME = "User";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountRegistrar registrar;
    private final SessionIssuer sessions;

    public SingleUserSignIn(UserRepository users, PasswordHasher hasher, AccountRegistrar registrar,
                            SessionIssuer sessions) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    Result signIn() {
        Optional<UserAccount> account = users.findAccountByEmail(ACCOUNT);
        if (account.isEmpty()) {
            if (users.count() == 0) {
                registrar.register(NAME, ACCOUNT, Optional.empty(), UserProfile.DEFAULT_IMAGE,
                        Credential.password(hasher.hash(PASSWORD)), FirstUserPolicy.ONLY_AS_FIRST, Channel.NO_AUTH);
            }
            // Read again: made here, or by a concurrent first request (whose account may be what the count saw);
            // absent if another account got in first.
            account = users.findAccountByEmail(ACCOUNT);
        }
        if (account.isPresent() && hasher.verify(PASSWORD, account.get().credential())) {
            return new Result.SignedIn(sessions.issueFor(account.get().user()));
        }
        return new Result.Refused(account.isPresent() ? Refusal.INVALID_CREDENTIALS : Refusal.EXISTING_USERS,
                Optional.empty());
    }
}
