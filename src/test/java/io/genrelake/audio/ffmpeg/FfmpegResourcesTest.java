package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.AudioStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue run opens millions of files, many at once: nothing may leak or be shared. */
class FfmpegResourcesTest {

    @TempDir
    Path dir;

    @AfterEach
    void isolatedAgain() {
        System.clearProperty(FfmpegIsolation.PROPERTY);
    }

    /**
     * Thousands of opens, reads and closes (and failed opens) leave the process's resident memory
     * where it was: a leaked 64-KiB AVIO buffer alone would add 190 MB over 3000 rounds.
     */
    @Test
    void thousandsOfOpensLeakNothing() throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null);
        // In this JVM: a leak would accumulate in the JVM that runs FFmpeg, the FFmpeg process in a run, which runs
        // this very code (FfmpegProcessMain); here it can be measured.
        System.setProperty(FfmpegIsolation.PROPERTY, "none");
        Path file = dir.resolve("short.flac");
        new SineEncoder(SineEncoder.FLAC).seconds(1).writeTo(file);
        byte[] flac = Files.readAllBytes(file);
        byte[] junk = new byte[1 << 14];
        new Random(3).nextBytes(junk);
        junk[0] = 'f';
        junk[1] = 'L';
        junk[2] = 'a';
        junk[3] = 'C';

        rounds(flac, junk, 300); // warm up: JIT, FFmpeg's one-off tables, heap sizing
        System.gc();
        long before = Pointer.physicalBytes();
        rounds(flac, junk, 3000);
        System.gc();
        long grown = Pointer.physicalBytes() - before;

        assertEquals(0, AvioCallbacks.openCount(), "every AVIO input unregistered");
        assertTrue(grown < 64L << 20, "resident memory grew by " + (grown >> 20) + " MiB");
    }

    private static void rounds(byte[] good, byte[] bad, int count) throws IOException {
        float[] block = new float[4096];
        for (int i = 0; i < count; i++) {
            try (AudioStream stream = AudioDecoders.standard().open(new ByteArrayInputStream(good), "good.flac")) {
                assertEquals(block.length, stream.readMono(block, 0, block.length));
            }
            assertThrows(AudioFormatException.class,
                    () -> AudioDecoders.standard().open(new ByteArrayInputStream(bad), "bad.flac").close());
        }
    }

    /** Eight threads decoding at once get exactly what one thread gets. */
    @Test
    void concurrentDecodesAreIndependent() throws Exception {
        List<Path> files = new ArrayList<>();
        for (SineEncoder.Recipe recipe : List.of(SineEncoder.MP3, SineEncoder.FLAC, SineEncoder.OPUS, SineEncoder.M4A)) {
            if (recipe.encoder() != null) {
                Path file = dir.resolve("c." + recipe.extension());
                new SineEncoder(recipe).seconds(2).writeTo(file);
                files.add(file);
            }
        }
        assumeTrue(!files.isEmpty());
        List<float[]> reference = new ArrayList<>();
        for (Path file : files) {
            reference.add(AudioLoader.load(file).samples());
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Path file = files.get(i % files.size());
                results.add(pool.submit(() -> AudioLoader.load(file).samples()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(reference.get(i % files.size()), results.get(i).get(), "decode " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
