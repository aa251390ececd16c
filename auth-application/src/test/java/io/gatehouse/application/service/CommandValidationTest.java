package io.gatehouse.application.service;

import io.gatehouse.application.port.in.admin.UpdateUserUseCase;
import io.gatehouse.application.port.in.session.SignUpUseCase;
import io.gatehouse.domain.credential.PlainPassword;
import io.gatehouse.domain.user.EmailAddress;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Commands refuse what no account may hold when they are built, not deep inside a use case. */
class CommandValidationTest {

    @Test
    void aBlankOrOverlongNameIsRefusedWhereTheCommandIsMade() {
        assertThrows(IllegalArgumentException.class, () -> new SignUpUseCase.Command("  ",
                EmailAddress.of("a@example.org"), PlainPassword.of("correct horse"), "/user.png"));
        assertThrows(IllegalArgumentException.class, () -> new UpdateUserUseCase.Command(UserId.random(), UserId.random(),
                Optional.empty(), Optional.of("x".repeat(256)), Optional.empty(), Optional.empty(), Optional.empty()));
    }
}
