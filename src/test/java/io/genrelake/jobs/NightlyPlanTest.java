package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genrelake.genres.RunRecord;
import org.junit.jupiter.api.Test;

class NightlyPlanTest {

    private static RunRecord state(double windowSeconds, double minLastSeconds) {
        return new RunRecord("2026-01-01", "m@1", "x", windowSeconds, minLastSeconds);
    }

    @Test
    void aFirstRunTakesTheDefaultForItsWindows() {
        assertEquals(1.5, NightlyPlan.minLastWindowSeconds(null, 3, null));
        assertEquals(10.0, NightlyPlan.minLastWindowSeconds(null, 30, null));
    }

    @Test
    void aStateGoesOnWithItsOwnMinimumWhenNoneIsAsked() {
        // a state made when 3-s windows kept final windows of 10 s at least stays as it was
        assertEquals(10.0, NightlyPlan.minLastWindowSeconds(null, 3, state(3, 10)));
        assertEquals(0.5, NightlyPlan.minLastWindowSeconds(null, 30, state(30, 0.5)));
    }

    @Test
    void anAskedMinimumWinsAndOtherWindowsTakeTheirDefault() {
        assertEquals(2.0, NightlyPlan.minLastWindowSeconds(2.0, 3, state(3, 10)));
        // another window length is refused by the plan anyway; its message names this run's default
        assertEquals(1.0, NightlyPlan.minLastWindowSeconds(null, 2, state(1, 0.5)));
    }
}
