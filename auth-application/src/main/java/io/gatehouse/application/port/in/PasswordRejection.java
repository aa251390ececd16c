package io.gatehouse.application.port.in;

import io.gatehouse.domain.credential.PasswordPolicy;
import io.gatehouse.domain.credential.PasswordPolicy.PasswordCheck;

import java.util.Objects;

/** Why a new password was refused, with what the client needs to say so: the policy's minimum and its hint. */
public record PasswordRejection(PasswordCheck check, int minimumCharacters, String hint) {

    public PasswordRejection {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(hint, "hint");
        if (check.isAcceptable()) {
            throw new IllegalArgumentException("an acceptable password is not a rejection");
        }
    }

    public static PasswordRejection of(PasswordCheck check, PasswordPolicy policy) {
        return new PasswordRejection(check, policy.minimumCharacters(), policy.hint());
    }
}
