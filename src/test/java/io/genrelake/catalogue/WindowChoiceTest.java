package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which window length a scoring run cuts: the one asked for, else the model's, else 30 s; a mismatch is named. */
class WindowChoiceTest {

    @Test
    void withoutAnOptionTheModelsTrainingWindowIsCut() {
        WindowChoice choice = WindowChoice.of(null, 3.0);
        assertEquals(3.0, choice.seconds());
        assertNull(choice.warning());
        assertEquals("windows of 3 s (the model's)", choice.describe());
        assertEquals("the model's training windows", choice.origin());
    }

    @Test
    void aModelThatRecordsNoneGetsTheDefault() {
        WindowChoice choice = WindowChoice.of(null, null);
        assertEquals(WindowPlan.DEFAULT_WINDOW_SECONDS, choice.seconds());
        assertNull(choice.warning());
        assertEquals("windows of 30 s (the default; the model records none)", choice.describe());
    }

    @Test
    void anotherLengthIsCutButWarnedAbout() {
        WindowChoice choice = WindowChoice.of(30.0, 3.0);
        assertEquals(30.0, choice.seconds());
        assertTrue(choice.warning().startsWith("--window-seconds 30 differs from the 3-s windows the model was "
                + "trained on"), choice.warning());
        assertEquals("windows of 30 s (asked for)", choice.describe());
        assertEquals("--window-seconds", choice.origin());
    }

    @Test
    void aLengthAskedForAModelThatRecordsNoneIsSaidToBeAskedFor() {
        WindowChoice choice = WindowChoice.of(5.0, null);
        assertEquals(5.0, choice.seconds());
        assertNull(choice.warning());
        assertEquals("windows of 5 s (asked for)", choice.describe());
    }

    @Test
    void theSameLengthAskedForIsNoMismatchEvenAsKaggleRoundsIt() {
        assertNull(WindowChoice.of(3.0, 3.0).warning());
        assertNull(WindowChoice.of(1.5, null).warning(), "nothing to compare with");
        // one sample apart (66149 against 66150 samples) is the same cut
        assertNull(WindowChoice.of(66149 / 22050.0, 3.0).warning());
        assertTrue(WindowChoice.of(66148 / 22050.0, 3.0).warning() != null);
    }

    @Test
    void aStoredTableOfOtherWindowsIsNamedWithTheRemedy() {
        String why = WindowChoice.tableMismatch("s3a://f", 30.0, 3.0);
        assertTrue(why.startsWith("s3a://f was cut into windows of 30 s and the model was trained on windows of 3 s"),
                why);
        assertTrue(why.endsWith("(extract the audio again with --window-seconds 3)"), why);
        assertNull(WindowChoice.tableMismatch("f", 3.0, 3.0));
        assertNull(WindowChoice.tableMismatch("f", null, 3.0), "a table of one window per track says nothing");
        assertNull(WindowChoice.tableMismatch("f", 3.0, null));
    }

    @Test
    void secondsArePrintedWithoutTrailingZeros() {
        assertEquals("3", WindowChoice.format(3.0));
        assertEquals("2.5", WindowChoice.format(2.5));
        assertEquals("0.3333", WindowChoice.format(1 / 3.0));
    }
}
