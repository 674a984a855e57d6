package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.genrelake.audio.ffmpeg.ContainerTags;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A file's tags read in this JVM and by FFmpeg's demuxer, compared: the check of WavTagsTest and AiffTagsTest. */
final class BothReadings {

    /** One of the JVM's container readers ({@link WavTags#read}, {@link AiffTags#read}). */
    interface Reader {
        JvmTags read(SeekableInputStream in, long length) throws IOException;
    }

    private BothReadings() {}

    /**
     * Reads {@code file} both ways: {@code reader} must take it; FFmpeg's whole dictionary must equal its own, and
     * the {@link TrackTags} {@link TagReader#read} makes (this JVM's reading) must equal those of FFmpeg's.
     */
    static TrackTags same(Path file, Reader reader) throws IOException {
        Map<String, List<String>> ffmpeg;
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            ffmpeg = ContainerTags.read(in);
        }
        JvmTags here;
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            here = reader.read(in, Files.size(file));
        }
        assertNotNull(here, file + " is read in this JVM");
        assertEquals(ffmpeg, here.tags(), file.getFileName().toString());
        TrackTags viaFfmpeg;
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            viaFfmpeg = TagReader.readWithFfmpeg(in);
        }
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            TrackTags t = TagReader.read(in);
            assertEquals(0, in.input().position(), "the stream is back at its start");
            assertEquals(viaFfmpeg, t, file.getFileName().toString());
            return t;
        }
    }

    /** A file FFmpeg must read: {@code reader} declines it. */
    static void leftToFfmpeg(Path file, Reader reader) throws IOException {
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            assertNull(reader.read(in, Files.size(file)), file + " is left to FFmpeg");
        }
    }
}
