package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.dsp.VectorApiProbe;
import io.genrelake.testing.WavFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake features} in a JVM of its own, started like this one (same class path and JVM options, so the
 * same extractor path): the extractor's path is logged once, on stderr, and nothing reaches stdout.
 */
class FeaturesLoggingTest {

    @Test
    void theExtractorPathIsLoggedOnceOnStderrAndNothingOnStdout(@TempDir Path dir) throws Exception {
        Path wav = WavFiles.writePcm16(dir.resolve("in/a440.wav"), WavFiles.sine(440, 0.5, 2, 22050), 22050);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), GenreLake.class.getName(), "features",
                wav.toString(), "--output", dir.resolve("out.csv").toString(), "--parallelism", "1"));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "features finished within 3 minutes");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);

        assertEquals("", Files.readString(out), "stdout");
        List<String> logged = stderr.lines().filter(l -> l.contains("VectorApiProbe")).toList();
        assertEquals(1, logged.size(), stderr);
        assertTrue(logged.get(0).contains(" INFO VectorApiProbe: feature extractor: " + VectorApiProbe.PATH), stderr);
    }
}
