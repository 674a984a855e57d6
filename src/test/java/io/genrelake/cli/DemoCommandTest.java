package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genrelake.scoring.DefaultModel;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line the demo suggests at its end: one a shell runs as printed. */
class DemoCommandTest {

    @AfterEach
    void clear() {
        System.clearProperty(DefaultModel.HOME_PROPERTY);
    }

    @Test
    void theLauncherIsTheCheckoutsRelativeToHereWhenUnderIt() {
        Path here = Path.of("").toAbsolutePath();
        System.setProperty(DefaultModel.HOME_PROPERTY, here.toString());
        assertEquals("bin/genrelake", DemoCommand.launcher());
        System.setProperty(DefaultModel.HOME_PROPERTY, "/opt/genrelake-checkout");
        assertEquals("/opt/genrelake-checkout/bin/genrelake", DemoCommand.launcher());
        System.clearProperty(DefaultModel.HOME_PROPERTY);
        assertEquals("genrelake", DemoCommand.launcher()); // started without bin/genrelake
    }

    @Test
    void aWordWithSpacesOrQuotesIsQuotedForTheShell() {
        assertEquals("/work/genrelake-demo/out/current", DemoCommand.shellWord("/work/genrelake-demo/out/current"));
        assertEquals("'/home/me/My Music/out/current'", DemoCommand.shellWord("/home/me/My Music/out/current"));
        assertEquals("'/tmp/it'\\''s/out'", DemoCommand.shellWord("/tmp/it's/out"));
    }
}
