package io.gatehouse.domain.group;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The table of Open WebUI's {@code is_in_blocked_groups}: exact, regex when regex characters appear, then glob. */
class BlockedGroupPatternsTest {

    @ParameterizedTest(name = "{0} blocks {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "Admins              ; Admins          ; true",
            "Admins              ; admins          ; false",
            "Admins              ; Admins-Team     ; false",
            "temp-*              ; temp-2026       ; true",
            "temp-*              ; Temp-2026       ; false",
            "temp-*              ; my-temp-x       ; false",
            "team-?              ; team-a          ; true",
            "team-?              ; team-ab         ; false",
            "team-[ab]           ; team-b          ; true",
            "team-[!ab]          ; team-b          ; true",   // a regex class first, as Open WebUI tries regex before glob
            "team-[!ab]          ; team-c          ; false",  // no * or ?: never a glob, as Open WebUI
            "team-[!ab]*         ; team-c1         ; true",
            "^svc-               ; svc-backup      ; true",
            "^svc-               ; my-svc-backup   ; false",
            "legacy$             ; old-legacy      ; true",
            "(qa|staging)        ; team-staging-eu ; true",
            "(qa|staging)        ; production      ; false",
            "a.b                 ; a.b             ; true",
            "a.b                 ; axb             ; false",
            "[unclosed*          ; [unclosed-x     ; true",
            "'\\d+'              ; group-42        ; true"
    })
    void matchesLikeOpenWebUi(String pattern, String group, boolean blocked) {
        assertEquals(blocked, BlockedGroupPatterns.of(List.of(pattern)).isBlocked(group));
    }

    @Test
    void emptyPatternsBlockNothing() {
        BlockedGroupPatterns patterns = BlockedGroupPatterns.of(Arrays.asList("", null));

        assertFalse(patterns.isBlocked(""));
        assertFalse(patterns.isBlocked("anything"));
    }

    @Test
    void regexLookalikesThatDoNotCompileAreReported() {
        BlockedGroupPatterns patterns = BlockedGroupPatterns.of(List.of("([bad", "ok-*"));

        assertEquals(List.of("([bad"), patterns.invalidRegexPatterns());
        assertFalse(patterns.isBlocked("bad"));
    }
}
