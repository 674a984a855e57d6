package io.genrelake.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule behind every test that needs something from the machine: skip at home, fail under CI. */
class PrerequisiteTest {

    private static final Map<String, String> CI = Map.of("CI", "true");
    private static final Map<String, String> HOME = Map.of("PATH", "/usr/bin");

    @Test
    void failsUnderCiAndSkipsElsewhere() {
        assertEquals(Prerequisite.WhenAbsent.FAIL, Prerequisite.whenAbsent(CI));
        assertEquals(Prerequisite.WhenAbsent.FAIL, Prerequisite.whenAbsent(Map.of("CI", "TRUE")));
        assertEquals(Prerequisite.WhenAbsent.SKIP, Prerequisite.whenAbsent(HOME));
        assertEquals(Prerequisite.WhenAbsent.SKIP, Prerequisite.whenAbsent(Map.of("CI", "false")));
        assertEquals(Prerequisite.WhenAbsent.SKIP, Prerequisite.whenAbsent(Map.of("CI", "")));
    }

    @Test
    void somethingPresentNeitherSkipsNorFails() {
        assertDoesNotThrow(() -> Prerequisite.require(true, "x", CI));
        assertDoesNotThrow(() -> Prerequisite.require(true, "x", HOME));
    }

    @Test
    void missingSharedDataFailsUnderCiNamingThePath() {
        String name = "no-such-file-" + UUID.randomUUID();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> SharedData.require(name, CI));
        assertTrue(e.getMessage().contains(SharedData.root().resolve(name).toString()), e.getMessage());
    }

    @Test
    void missingSharedDataSkipsElsewhereNamingThePath() {
        String name = "no-such-file-" + UUID.randomUUID();
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> SharedData.require(name, HOME));
        assertTrue(e.getMessage().contains(SharedData.root().resolve(name).toString()), e.getMessage());
    }
}
