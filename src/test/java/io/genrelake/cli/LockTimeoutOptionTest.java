package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.ClassifyOptions;
import io.genrelake.jobs.NightlyOptions;
import io.genrelake.tables.WriterLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** classify and nightly take the writer lock's timeout under one name, with one help text; no Spark. */
class LockTimeoutOptionTest {

    @TempDir
    Path dir;

    /** The help of --lock-timeout-minutes, up to the next option. */
    static String help(String command) {
        String out = CliRun.of(command, "--help").out();
        Matcher m = Pattern.compile("\\n\\s+--lock-timeout-minutes=M(.*?)\\n\\s+-", Pattern.DOTALL).matcher(out);
        assertTrue(m.find(), out);
        return m.group(1).replaceAll("\\s+", " ").trim();
    }

    @Test
    void classifyAndNightlyShareTheOptionAndItsHelp() {
        String classify = help("classify");
        assertTrue(classify.contains("taken over") && classify.contains("Default: 10."), classify);
        assertEquals(classify, help("nightly"));
    }

    @Test
    void classifyTakesTheTimeoutAndRefusesZero() {
        ClassifyOptions options = new ClassifyOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            ClassifyOptions o = options;
        }).parseArgs("--features", "f", "--output", "o", "--lock-timeout-minutes", "0.5");
        options.validate();
        assertEquals(30_000, options.lockTimeoutMillis());
        assertEquals(WriterLock.DEFAULT_STALE_AFTER_MS, new ClassifyOptions().lockTimeoutMillis());
        CliRun zero = CliRun.of("classify", "--features", "f", "--output", "o", "--lock-timeout-minutes", "0");
        assertEquals(2, zero.exitCode(), zero.transcript());
        assertTrue(zero.err().contains("--lock-timeout-minutes must be more than 0"), zero.transcript());
    }

    @Test
    void nightlyReadsItFromItsConfFileAndTheCommandLineWins() throws Exception {
        Path conf = dir.resolve("nightly.conf");
        Files.writeString(conf, "genrelake.input=/music\ngenrelake.model=/m\ngenrelake.output=/out\n"
                + "genrelake.state=/state\ngenrelake.lock-timeout-minutes=2\n");
        assertEquals(120_000, nightly("--conf", conf.toString()).lockTimeoutMillis());
        assertEquals(60_000, nightly("--conf", conf.toString(), "--lock-timeout-minutes", "1").lockTimeoutMillis());
        assertThrows(IllegalArgumentException.class, () -> nightly("--conf", conf.toString(),
                "--lock-timeout-minutes", "-1"));
    }

    static NightlyOptions nightly(String... args) throws Exception {
        NightlyOptions options = new NightlyOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            NightlyOptions o = options;
        }).parseArgs(args);
        options.resolve();
        return options;
    }
}
