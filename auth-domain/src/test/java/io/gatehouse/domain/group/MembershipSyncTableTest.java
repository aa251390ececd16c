package io.gatehouse.domain.group;

import io.gatehouse.domain.permission.PermissionTree;
import io.gatehouse.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sync rules as a table. The instance has groups devs, ops, temp-1, svc-a; the user is an OAuth member of ops
 * and temp-1, and an admin-made member of svc-a. Each row: blocked patterns, creation on/off, what the provider sends
 * ({@code -} for no claim at all, an empty cell for an empty list), and the expected plan.
 */
class MembershipSyncTableTest {

    private static final UserId USER = UserId.random();
    private final Group devs = group("devs");
    private final Group ops = group("ops");
    private final Group temp = group("temp-1");
    private final Group svc = group("svc-a");
    private final List<Membership> current = List.of(
            new Membership(ops.id(), USER, MembershipSource.OAUTH),
            new Membership(temp.id(), USER, MembershipSource.OAUTH),
            new Membership(svc.id(), USER, MembershipSource.ADMIN));

    @ParameterizedTest(name = "blocked [{0}] create={1} sent [{2}] → create [{3}] join [{4}] leave [{5}]")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // blocked        ; create ; sent                  ; create      ; join        ; leave
            "                 ; false  ; devs,ops,temp-1        ;             ; devs        ;            ",
            "                 ; false  ; ''                     ;             ;             ; ops,temp-1 ",
            "                 ; false  ; -                      ;             ;             ;            ",
            "                 ; false  ; devs,new               ;             ; devs        ; ops,temp-1 ",
            "                 ; true   ; devs,new               ; new         ; devs        ; ops,temp-1 ",
            "temp-1           ; true   ; ''                     ;             ;             ; ops        ",
            "temp-*           ; true   ; temp-2,devs            ;             ; devs        ; ops        ",
            "^temp-\\d+$      ; true   ; temp-9                 ;             ;             ; ops        ",
            "(ops|devs)       ; true   ; ''                     ;             ;             ; temp-1     ",
            "[bad             ; true   ; bad,devs               ; bad         ; devs        ; ops,temp-1 ",  // an invalid regex blocks only its exact text
            "                 ; false  ; svc-a                  ;             ; svc-a       ; ops,temp-1 "
    })
    void aSyncFollowsTheRules(String blocked, boolean create, String sent, String toCreate, String toJoin, String toLeave) {
        MembershipSync sync = new MembershipSync(MembershipSource.OAUTH, BlockedGroupPatterns.of(names(blocked)), create);
        Optional<List<String>> claim = sent == null ? Optional.empty() : Optional.of(names(sent));

        MembershipSync.Plan plan = sync.plan(claim, List.of(devs, ops, temp, svc), current);

        assertEquals(names(toCreate), plan.createAndJoin().stream().map(GroupName::value).collect(Collectors.toList()));
        assertEquals(names(toJoin), nameOf(plan.join()));
        assertEquals(names(toLeave), nameOf(plan.leave()).stream().sorted().collect(Collectors.toList()));
    }

    private List<String> nameOf(List<GroupId> ids) {
        List<Group> all = List.of(devs, ops, temp, svc);
        return ids.stream().map(id -> all.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow().name().value())
                .collect(Collectors.toList());
    }

    private static List<String> names(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toList());
    }

    private static Group group(String name) {
        return Group.create(new GroupName(name), "", PermissionTree.empty(), FreeFormData.empty(), ShareSetting.MEMBERS,
                USER, Instant.EPOCH);
    }
}
