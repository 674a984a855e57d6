package io.genrelake.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.ffmpeg.ContainerTags;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.tags.AiffTags;
import io.genrelake.tags.AuTags;
import io.genrelake.tags.FlacTags;
import io.genrelake.tags.Id3v2Frames;
import io.genrelake.tags.JvmTags;
import io.genrelake.tags.TagReader;
import io.genrelake.tags.TrackTags;
import io.genrelake.tags.WavTags;
import io.genrelake.testing.BytesInput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of every decoder and of the tag reader (Jazzer). Each decoder target feeds arbitrary bytes
 * to a registry holding that one decoder and reads the result to its end the way extract does ({@link
 * DecodeHarness}): the only outcomes allowed are decoded audio or an {@link io.genrelake.audio.AudioFormatException}
 * with a reason; the tag target's only outcome is tags. Any other
 * exception, an {@link OutOfMemoryError} under the campaign's {@code -Xmx256m} or an input slower than the timeout
 * is a finding.
 *
 * <p>A normal test run replays the saved corpus, src/test/resources/io/genrelake/fuzz/DecoderFuzzTestInputs/TARGET
 * (seed files plus the regression input of every finding), each input under the JUnit timeout below. {@code bin/fuzz
 * TARGET --minutes N} fuzzes one target (Jazzer's fuzzing mode, JAZZER_FUZZ=1), where the timeout becomes
 * libFuzzer's per-input {@code -timeout}. The FFmpeg target runs the natives in the fuzzing JVM itself: a crash
 * there ends the campaign with the JVM's crash report, which is how a native crash would show (docs/reliability.md).
 */
class DecoderFuzzTest {

    /** Per input; the slowest seed decodes in well under a second. */
    private static final long TIMEOUT_SECONDS = 10;

    private static final AudioDecoders WAV = only("wav");
    private static final AudioDecoders AU = only("au");
    private static final AudioDecoders AIFF = only("aiff");
    private static final AudioDecoders JAVA_MP3 = only("java-mp3");
    private static final AudioDecoders JAVA_FLAC = only("java-flac");
    private static final AudioDecoders FFMPEG = only("ffmpeg");

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void wav(byte[] data) {
        DecodeHarness.decode(WAV, data);
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void au(byte[] data) {
        DecodeHarness.decode(AU, data);
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void aiff(byte[] data) {
        DecodeHarness.decode(AIFF, data);
    }

    /** The pure-Java MP3 decoder alone (no FFmpeg behind it), so that its bugs are not hidden by the fallback. */
    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void mp3(byte[] data) {
        DecodeHarness.decode(JAVA_MP3, data);
    }

    /** The pure-Java FLAC decoder alone, as {@link #mp3}. */
    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void flac(byte[] data) {
        DecodeHarness.decode(JAVA_FLAC, data);
    }

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void ffmpeg(byte[] data) {
        DecodeHarness.decode(FFMPEG, data);
    }

    /**
     * The tag reader on arbitrary bytes, as extract calls it before decoding: it must return tags (empty, with a
     * reason, when FFmpeg cannot open them) and leave the stream at its start; it must never throw. A WAV, AIFF, AU
     * or FLAC it reads in this JVM must also read the same through FFmpeg.
     */
    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void tags(byte[] data) throws IOException {
        try (SeekableInputStream in = new SeekableInputStream(new BytesInput(data))) {
            TrackTags tags = TagReader.read(in);
            if (tags == null || in.input().position() != 0) {
                throw new AssertionError("no tags, or the stream not back at its start: " + tags);
            }
            // The reason of tags FFmpeg could not read, not a tag value quoted in a warning (the fuzzer writes
            // these very words into tags: crash-1aa3d14d…, an AIFF whose MusicBrainz id is "FFmpeg stopped …").
            for (String warning : tags.warnings()) {
                if (warning.startsWith("tags unreadable: ") && (warning.contains("FFmpeg crashed on this file")
                        || warning.contains("FFmpeg stopped answering"))) {
                    throw new AssertionError("FFmpeg crashed or hung on these bytes: " + warning);
                }
            }
        }
        sameAsFfmpeg(data);
    }

    /**
     * A WAV, AIFF, AU or FLAC read in this JVM ({@link WavTags}, {@link AiffTags}, {@link AuTags}, {@link FlacTags})
     * must read as FFmpeg's demuxer reads it: the same dictionary, key by key, or, where the tags came from an ID3
     * chunk (whose comment text this JVM does not read), the same tags.
     */
    private static void sameAsFfmpeg(byte[] data) throws IOException {
        JvmTags here;
        try (SeekableInputStream in = new SeekableInputStream(new BytesInput(data))) {
            here = WavTags.read(in, data.length);
            if (here == null) {
                here = AiffTags.read(in, data.length);
            }
            if (here == null) {
                here = AuTags.read(in, data.length);
            }
            if (here == null) {
                here = FlacTags.read(in, data.length);
            }
        }
        if (here == null) {
            return;
        }
        Map<String, List<String>> ffmpeg;
        try (SeekableInputStream in = new SeekableInputStream(new BytesInput(data))) {
            ffmpeg = ContainerTags.read(in);
        } catch (IOException e) {
            throw new AssertionError("read in this JVM, refused by FFmpeg: " + e.getMessage(), e);
        }
        boolean same = here.id3() == Id3v2Frames.NONE ? ffmpeg.equals(here.tags())
                : TagReader.of(ffmpeg).equals(TagReader.of(here.tags()));
        if (!same) {
            throw new AssertionError("this JVM read " + here.tags() + ", FFmpeg " + ffmpeg);
        }
    }

    /** A registry of the standard decoder named {@code name} alone. */
    private static AudioDecoders only(String name) {
        for (AudioDecoder d : AudioDecoders.withJavaMp3().decoders()) {
            if (d.name().equals(name)) {
                return AudioDecoders.of(d);
            }
        }
        throw new IllegalArgumentException("no decoder " + name);
    }

    /** Our own ID3v2 reader alone, the file length known and unknown: values or warnings, never an exception. */
    @FuzzTest(maxDuration = "30s")
    @Timeout(value = TIMEOUT_SECONDS, unit = TimeUnit.SECONDS)
    void id3v2(byte[] data) throws IOException {
        io.genrelake.tags.Id3v2Frames.read(new java.io.ByteArrayInputStream(data), data.length);
        io.genrelake.tags.Id3v2Frames.read(new java.io.ByteArrayInputStream(data), -1);
    }
}
