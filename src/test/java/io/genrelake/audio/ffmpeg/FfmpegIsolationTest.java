package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import io.genrelake.testing.MonoSamples;
import io.genrelake.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FFmpeg in a process of its own ({@link FfmpegIsolation}): the same samples, stream facts and tags as in this JVM;
 * a native crash (a real SIGSEGV, which the JVM cannot catch) or a hang in the process fails the file with a reason,
 * this JVM goes on, and the next file decodes in a fresh process.
 */
class FfmpegIsolationTest {

    @TempDir
    Path dir;

    @AfterEach
    void defaults() {
        System.clearProperty(FfmpegIsolation.PROPERTY);
        System.clearProperty(FfmpegIsolation.TIMEOUT_PROPERTY);
    }

    @Test
    void theProcessGivesTheSamplesAndTagsOfThisJvm() throws IOException {
        for (SineEncoder.Recipe recipe : List.of(SineEncoder.FLAC, SineEncoder.MP3, SineEncoder.M4A, SineEncoder.OPUS)) {
            assumeTrue(recipe.encoder() != null, "this FFmpeg build cannot encode " + recipe);
            Path file = dir.resolve("sine." + recipe.extension());
            new SineEncoder(recipe).seconds(4).writeTo(file);

            System.setProperty(FfmpegIsolation.PROPERTY, "none");
            Decoded here = decode(file);
            System.setProperty(FfmpegIsolation.PROPERTY, "process");
            Decoded isolated = decode(file);

            assertEquals(IsolatedAudioStream.class, isolated.kind, recipe.toString());
            assertEquals(FfmpegAudioStream.class, here.kind, recipe.toString());
            assertEquals(here.facts, isolated.facts, recipe.toString());
            assertTrue(here.samples.length > 3 * here.facts.sampleRate(), recipe.toString());
            assertArrayEquals(here.samples, isolated.samples, recipe.toString()); // bit for bit
            assertEquals(here.tags, isolated.tags, recipe.toString());
        }
    }

    /** Real tagged MP3s (ID3v2 with genre, artist, MusicBrainz ids): the same tags and samples both ways. */
    @Test
    void realTaggedFilesGiveTheSameTagsAndSamples() throws IOException {
        for (String name : List.of("emotify/rock/301.mp3", "emotify/classical/1.mp3")) {
            Path file = SharedData.require(name);
            System.setProperty(FfmpegIsolation.PROPERTY, "none");
            Decoded here = decode(file);
            System.clearProperty(FfmpegIsolation.PROPERTY);
            Decoded isolated = decode(file);
            assertFalse(here.tags.isEmpty(), name);
            assertEquals(here.tags, isolated.tags, name);
            assertEquals(here.facts, isolated.facts, name);
            assertArrayEquals(here.samples, isolated.samples, name);
        }
    }

    /**
     * The executor says where its stream is with each command, so reading an MP3's tags costs the process one input
     * request (its one read of the header), where it used to cost four (the read, a position and two lengths): round
     * trips are what the conversation costs on busy cores. Decoding then agrees with this JVM's, bit for bit.
     */
    @Test
    void readingTagsAsksTheExecutorOnlyForBytes() throws IOException {
        Path file = SharedData.require("emotify/rock/301.mp3");
        FfmpegProcess process = FfmpegProcess.start(FfmpegProcesses.get());
        try {
            long before = process.inputRequests();
            Map<String, List<String>> tags;
            try (SeekableInputStream in = SeekableInputStream.open(file)) {
                tags = process.readTags(in);
            }
            assertEquals(1, process.inputRequests() - before);
            System.setProperty(FfmpegIsolation.PROPERTY, "none");
            assertEquals(decode(file).tags, tags);
        } finally {
            process.destroy();
        }
    }

    @Test
    void decodingHappensInAChildProcessThatOutlivesTheFile() throws IOException {
        Path file = flac(4);
        long first;
        try (AudioStream stream = new FfmpegDecoder().open(SeekableInputStream.open(file))) {
            first = ((IsolatedAudioStream) stream).pid();
            assertNotEquals(ProcessHandle.current().pid(), first);
            assertTrue(ProcessHandle.of(first).flatMap(p -> p.info().commandLine()).orElse("")
                    .contains(FfmpegProcessMain.class.getName()));
            stream.readMono(new float[1024], 0, 1024);
        }
        try (AudioStream stream = new FfmpegDecoder().open(SeekableInputStream.open(file))) {
            assertEquals(first, ((IsolatedAudioStream) stream).pid(), "the next file reuses the process");
        }
    }

    /**
     * A SIGSEGV from outside is what a native crash looks like to the JVM: it writes its crash report and aborts.
     * In-process, that would end the executor; here the file fails with the reason and the next one decodes.
     */
    @Test
    void aCrashInTheProcessFailsTheFileAndTheNextFileDecodes() throws Exception {
        Path file = flac(20);
        float[] buffer = new float[4096];
        AudioStream stream = openAndReadSome(file, buffer);
        long pid = ((IsolatedAudioStream) stream).pid();
        // taken before the signal: a process that dies and is reaped at once has no handle to look up afterwards
        ProcessHandle crashed = ProcessHandle.of(pid).orElseThrow();

        signal("SEGV", pid);
        crashed.onExit().get(60, TimeUnit.SECONDS);

        AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
            while (stream.readMono(buffer, 0, buffer.length) > 0) {
                // the process is gone: the read fails
            }
        });
        assertTrue(e.getMessage().startsWith("FFmpeg crashed on this file: its process ended with exit code "),
                e.getMessage());
        stream.close();
        try (Stream<Path> files = Files.list(Path.of("."))) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("hs_err")),
                    "the crash report goes to the temporary folder, not the working directory");
        }

        Decoded next = decode(file);
        assertEquals(20 * next.facts.sampleRate(), next.samples.length, 2048.0);
        assertNotEquals(pid, next.pid);
    }

    /** A process stopped in the middle of a file (as a native hang would leave it) is ended after the time limit. */
    @Test
    void aSilentProcessIsStoppedAfterTheTimeLimit() throws Exception {
        System.setProperty(FfmpegIsolation.TIMEOUT_PROPERTY, "2");
        Path file = flac(20);
        float[] buffer = new float[4096];
        AudioStream stream = openAndReadSome(file, buffer);
        long pid = ((IsolatedAudioStream) stream).pid();

        signal("STOP", pid);
        long start = System.nanoTime();
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
            while (stream.readMono(buffer, 0, buffer.length) > 0) {
                // until the stopped process is noticed
            }
        });
        double waited = (System.nanoTime() - start) / 1e9;
        assertEquals("FFmpeg stopped answering on this file for more than 2 s; its process was stopped",
                e.getMessage());
        assertTrue(waited >= 2 && waited < 30, "waited " + waited + " s");
        stream.close();
        ProcessHandle stopped = ProcessHandle.of(pid).orElse(null);
        if (stopped != null) { // the kill is asynchronous
            stopped.onExit().get(10, TimeUnit.SECONDS);
        }
        assertTrue(decode(file).samples.length > 0, "the next file decodes in a new process");
    }

    /** A process that cannot start is the installation's fault: its own exception type, which callers let fail the task. */
    @Test
    void aProcessThatCannotStartSaysWhy() {
        String javaHome = System.getProperty("java.home");
        try {
            System.setProperty("java.home", dir.resolve("no-jdk").toString());
            FfmpegUnavailableException e = assertThrows(FfmpegUnavailableException.class,
                    () -> FfmpegProcess.start(FfmpegProcesses.get()));
            assertTrue(e.getMessage().startsWith("cannot start the FFmpeg process (" + dir.resolve("no-jdk")),
                    e.getMessage());
            assertTrue(FfmpegUnavailableException.causes(new IllegalStateException(new java.io.UncheckedIOException(e))));
        } finally {
            System.setProperty("java.home", javaHome);
        }
    }

    @Test
    void malformedSettingsAreRefusedWithTheirName() {
        System.setProperty(FfmpegIsolation.PROPERTY, "container");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, FfmpegIsolation::isolated);
        assertEquals("genrelake.ffmpeg.isolation must be process or none, not 'container'", e.getMessage());
        System.clearProperty(FfmpegIsolation.PROPERTY);
        System.setProperty(FfmpegIsolation.TIMEOUT_PROPERTY, "0");
        e = assertThrows(IllegalArgumentException.class, FfmpegIsolation::timeout);
        assertEquals("genrelake.ffmpeg.timeoutSeconds must be a whole number of seconds above 0, not '0'",
                e.getMessage());
    }

    /** The file opened in an FFmpeg process, its first samples read. */
    private static AudioStream openAndReadSome(Path file, float[] buffer) throws IOException {
        AudioStream stream = new FfmpegDecoder().open(SeekableInputStream.open(file));
        assertTrue(stream.readMono(buffer, 0, buffer.length) > 0);
        return stream;
    }

    private Path flac(double seconds) throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null, "this FFmpeg build cannot encode FLAC");
        Path file = dir.resolve("sine-" + seconds + ".flac");
        new SineEncoder(SineEncoder.FLAC).seconds(seconds).writeTo(file);
        return file;
    }

    private record Decoded(Class<?> kind, FfmpegProcess.Opened facts, long pid, float[] samples,
            Map<String, List<String>> tags) {}

    private static Decoded decode(Path file) throws IOException {
        Map<String, List<String>> tags;
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            tags = ContainerTags.read(in);
        }
        AudioStream stream = new FfmpegDecoder().open(SeekableInputStream.open(file));
        try (stream) {
            FfmpegProcess.Opened facts = new FfmpegProcess.Opened(stream.sampleRate(), stream.channels(),
                    stream.frameCount(), stream.codec());
            long pid = stream instanceof IsolatedAudioStream isolated ? isolated.pid() : ProcessHandle.current().pid();
            return new Decoded(stream.getClass(), facts, pid, MonoSamples.readAll(stream), tags);
        }
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }
}
