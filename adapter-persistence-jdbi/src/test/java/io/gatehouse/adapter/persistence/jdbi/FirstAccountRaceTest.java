package io.gatehouse.adapter.persistence.jdbi;

import io.gatehouse.application.contract.Stores;
import io.gatehouse.application.port.out.UserRepository.FirstUserPolicy;
import io.gatehouse.application.port.out.UserRepository.InsertOutcome;
import io.gatehouse.domain.credential.Credential;
import io.gatehouse.domain.role.Role;
import io.gatehouse.domain.user.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static io.gatehouse.application.fake.Concurrently.runTogether;
import static io.gatehouse.application.fake.TestUsers.T0;
import static io.gatehouse.application.fake.TestUsers.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open WebUI #21631: many sign-ups on an empty instance must make exactly one admin. */
class FirstAccountRaceTest {

    private static final int RACERS = 50;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fiftyConcurrentFirstSignUpsMakeExactlyOneAdmin(TestDatabase database) throws Exception {
        Stores stores = database.emptyStores();
        List<Callable<InsertOutcome>> signUps = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            User candidate = user("racer" + i + "@example.org", Role.PENDING, T0);
            signUps.add(() -> stores.users().insert(candidate, Credential.none(), FirstUserPolicy.PROMOTE_FIRST));
        }

        List<InsertOutcome> outcomes = runTogether(signUps);

        long firsts = outcomes.stream()
                .filter(outcome -> assertInstanceOf(InsertOutcome.Inserted.class, outcome).first())
                .count();
        assertEquals(1, firsts);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet roles = statement.executeQuery(
                     "SELECT COUNT(*), SUM(CASE WHEN role = 'admin' THEN 1 ELSE 0 END) FROM users")) {
            assertTrue(roles.next());
            assertEquals(RACERS, roles.getLong(1));
            assertEquals(1, roles.getLong(2));
        }
    }
}
