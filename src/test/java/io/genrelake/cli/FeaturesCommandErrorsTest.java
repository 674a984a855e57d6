package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be used: reported, listed with reasons, and the run goes on. Needs no engine. */
class FeaturesCommandErrorsTest {

    @TempDir
    Path dir;

    private static final String HEADER = String.join(",", FeatureSet.KAGGLE_HEADER);

    private Path garbage(Path file, int bytes) throws IOException {
        byte[] noise = new byte[bytes];
        new Random(42).nextBytes(noise);
        Files.createDirectories(file.getParent());
        return Files.write(file, noise);
    }

    @Test
    void directoryOfUnusableFilesExitsWith1AndListsEveryFileWithItsReason() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib/blues"));
        Path empty = Files.createFile(lib.resolve("empty.wav"));
        Path noise = garbage(lib.resolve("noise.wav"), 5000);
        Files.writeString(lib.resolve("readme.txt"), "not audio, and not picked up by the walk");
        Path out = dir.resolve("out/features.csv"); // the folder does not exist yet

        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString(), "--parallelism", "2");

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(List.of(HEADER), Files.readAllLines(out), "only the header when no file was used");
        List<String> errors = Files.readAllLines(dir.resolve("out/features.errors.csv"));
        assertEquals("path,reason", errors.get(0));
        assertEquals(3, errors.size(), errors.toString());
        // Sorted by path: empty.wav before noise.wav; each with a non-empty reason.
        assertTrue(errors.get(1).startsWith(empty + ","), errors.get(1));
        assertTrue(errors.get(2).startsWith(noise + ","), errors.get(2));
        for (String line : errors.subList(1, 3)) {
            String reason = line.substring(line.indexOf(".wav,") + 5);
            assertFalse(reason.isBlank() || reason.equals("\"\""), "no reason in: " + line);
        }
        // Progress lines come in completion order, so either file may be [1/2].
        assertTrue(Pattern.compile("(?m)^\\[[12]/2\\] blues/empty\\.wav  ERROR \\S").matcher(run.err()).find(), run.err());
        assertTrue(Pattern.compile("(?m)^\\[[12]/2\\] blues/noise\\.wav  ERROR \\S").matcher(run.err()).find(), run.err());
        assertTrue(run.err().contains("0 files ok, 2 errors; 0 rows written"), run.err());
        assertTrue(run.err().contains("features.errors.csv"), run.err());
    }

    @Test
    void aMissingNamedFileIsAnErrorNotACrash() throws IOException {
        Path missing = dir.resolve("nope.wav");
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", missing.toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        List<String> errors = Files.readAllLines(dir.resolve("o.errors.csv"));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(1).startsWith(missing + ","), errors.toString());
        assertTrue(run.err().contains("nope.wav  ERROR"), run.err());
    }

    @Test
    void reasonsAndPathsAreCsvQuoted() throws IOException {
        Path odd = garbage(dir.resolve("in/odd, \"name\".wav"), 100);
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", odd.toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        String line = Files.readAllLines(dir.resolve("o.errors.csv")).get(1);
        assertTrue(line.startsWith("\"" + odd.toString().replace("\"", "\"\"") + "\","), line);
    }

    @Test
    void emptyFolderWritesHeadersOnlyAndExitsWith1() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Path out = dir.resolve("t.csv");
        CliRun run = CliRun.of("features", empty.toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(List.of(HEADER), Files.readAllLines(out));
        assertEquals(List.of("path,reason"), Files.readAllLines(dir.resolve("t.errors.csv")));
        assertTrue(run.err().contains("no audio files found"), run.err());
    }

    @Test
    void aRerunReplacesTheOldErrorsFile() throws IOException {
        Path out = dir.resolve("t.csv");
        Path errorsFile = dir.resolve("t.errors.csv");
        Files.writeString(errorsFile, "path,reason\nold.wav,stale entry from an earlier run\n");
        Files.writeString(out, "stale table\n");
        garbage(dir.resolve("in/bad.au"), 64);
        CliRun run = CliRun.of("features", dir.resolve("in").toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        String errors = Files.readString(errorsFile, StandardCharsets.UTF_8);
        assertFalse(errors.contains("stale"), errors);
        assertTrue(errors.contains("bad.au,"), errors);
        assertEquals(List.of(HEADER), Files.readAllLines(out));
    }

    @Test
    void errorsFileSitsBesideTheOutput() {
        assertEquals(Path.of("x/feat.errors.csv"), ErrorLog.besides(Path.of("x/feat.csv")));
        assertEquals(Path.of("x/feat.errors.csv"), ErrorLog.besides(Path.of("x/feat.CSV")));
        assertEquals(Path.of("feat.tsv.errors.csv"), ErrorLog.besides(Path.of("feat.tsv")));
    }
}
