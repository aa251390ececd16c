package io.gatehouse.benchmarks.micro;

import io.gatehouse.domain.claim.ClaimMapping;
import io.gatehouse.domain.group.BlockedGroupPatterns;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What single sign-on does with an identity's claims: read 100 group names from a nested claim (Keycloak's shape), and
 * test each of them against 20 blocked-group patterns (exact names, globs and regular expressions).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClaimsBenchmark {

    static final int GROUPS = 100;
    static final int PATTERNS = 20;

    private Map<String, Object> claims;
    private List<String> groupNames;
    private final ClaimMapping groupsClaim = new ClaimMapping("realm_access.groups", ",");
    private BlockedGroupPatterns blocked;

    @Setup
    public void setUp() {
        groupNames = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groupNames.add(List.of("eng", "ops", "sales", "finance", "hr").get(i % 5) + "-team-" + i);
        }
        claims = new LinkedHashMap<>();
        claims.put("sub", "5f0c7a4e-6b1d-4c8e-9a3f-2d7e1b9c0a11");
        claims.put("email", "ada@example.org");
        claims.put("name", "Ada Lovelace");
        claims.put("realm_access", Map.of("roles", List.of("user", "offline_access"), "groups", groupNames));
        claims.put("resource_access", Map.of("open-webui", Map.of("roles", List.of("viewer"))));
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < PATTERNS; i++) {
            switch (i % 4) {
                case 0: patterns.add("admins-" + i); break;                  // exact
                case 1: patterns.add("contractors-*-" + i); break;           // glob
                case 2: patterns.add("^external-[a-z]+-" + i + "$"); break;  // regex
                default: patterns.add("temp-?" + i); break;                  // glob with ?
            }
        }
        blocked = BlockedGroupPatterns.of(patterns);
    }

    @Benchmark
    public Optional<List<String>> claimMapping() {
        return groupsClaim.valuesIn(claims);
    }

    /** The worst case: no group is blocked, so every name meets every pattern. */
    @Benchmark
    public int blockedGroupMatching() {
        int blockedCount = 0;
        for (String name : groupNames) {
            if (blocked.isBlocked(name)) {
                blockedCount++;
            }
        }
        return blockedCount;
    }
}
