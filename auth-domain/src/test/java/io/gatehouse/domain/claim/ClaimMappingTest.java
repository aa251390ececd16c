package io.gatehouse.domain.claim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClaimMappingTest {

    @Test
    void walksNestedObjects() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("admin", "user")));

        assertEquals(Optional.of(List.of("admin", "user")), new ClaimMapping("realm_access.roles", ",").valuesIn(claims));
    }

    @Test
    void fallsBackToAFlatClaimNamedLikeThePath() {
        Map<String, Object> claims = Map.of("realm_access.roles", List.of("editor"));

        assertEquals(Optional.of(List.of("editor")), new ClaimMapping("realm_access.roles", ",").valuesIn(claims));
    }

    @Test
    void splitsStringsOnTheSeparatorAndTrims() {
        Map<String, Object> claims = Map.of("groups", "admins; devs ;;ops");

        assertEquals(Optional.of(List.of("admins", "devs", "ops")), new ClaimMapping("groups", ";").valuesIn(claims));
    }

    @Test
    void aStringWithoutTheSeparatorIsOneName() {
        assertEquals(Optional.of(List.of("admins,devs")),
                new ClaimMapping("groups", ";").valuesIn(Map.of("groups", "admins,devs")));
    }

    @Test
    void numbersBecomeTheirDecimalForm() {
        assertEquals(Optional.of(List.of("42")), new ClaimMapping("role", ",").valuesIn(Map.of("role", 42)));
        assertEquals(Optional.of(List.of("7", "x")), new ClaimMapping("ids", ",").valuesIn(Map.of("ids", List.of(7, "x", Map.of()))));
    }

    @Test
    void anAbsentClaimIsToldApartFromAnEmptyOne() {
        ClaimMapping groups = new ClaimMapping("groups", ";");

        assertEquals(Optional.empty(), groups.valuesIn(Map.of("sub", "1")));
        assertEquals(Optional.of(List.of()), groups.valuesIn(Map.of("groups", List.of())));
        assertEquals(Optional.of(List.of()), groups.valuesIn(Map.of("groups", "")));
    }

    @Test
    void somethingThatIsNotNamesCountsAsAbsent() {
        ClaimMapping groups = new ClaimMapping("groups", ";");

        assertEquals(Optional.empty(), groups.valuesIn(Map.of("groups", true)));
        assertEquals(Optional.empty(), groups.valuesIn(Map.of("groups", Map.of("a", 1))));
        assertEquals(Optional.empty(), new ClaimMapping("a.b.c", ",").valuesIn(Map.of("a", "flat")));
    }
}
