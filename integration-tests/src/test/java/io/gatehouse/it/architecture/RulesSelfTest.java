package io.gatehouse.it.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules themselves under test: on a fixture hexagon with exactly one planted violation (an adapter reaching into
 * another), the rule set reports exactly that violation and nothing else, so a rule that stopped matching anything,
 * or one that matched too much, fails here.
 */
class RulesSelfTest {

    private static final String FIXTURE = "io.gatehouse.it.architecture.fixture";

    @Test
    void thePlantedViolationAndOnlyItIsReported() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        List<String> violations = HexagonRules.of(FIXTURE).stream()
                .map(rule -> rule.evaluate(fixture))
                .filter(EvaluationResult::hasViolation)
                .flatMap(result -> result.getFailureReport().getDetails().stream())
                .collect(Collectors.toList());

        assertEquals(1, violations.size(), String.join("\n", violations));
        assertTrue(violations.get(0).contains("BetaEndpoint") && violations.get(0).contains("AlphaThings"), violations.get(0));
    }

    @Test
    void theAdapterRuleIsTheOneThatFires() {
        JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURE);

        List<String> failing = HexagonRules.of(FIXTURE).stream()
                .filter(rule -> rule.evaluate(fixture).hasViolation())
                .map(ArchRule::getDescription)
                .collect(Collectors.toList());

        assertEquals(List.of("4. adapters never depend on each other"), failing);
    }
}
