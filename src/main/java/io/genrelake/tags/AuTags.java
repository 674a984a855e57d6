package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sun AU file's tags as FFmpeg's au demuxer hands them over ({@code audio.ffmpeg.ContainerTags}: the same keys and
 * values), read in this JVM from the header's annotation field: {@code key=value} entries, each ended by a newline
 * or a NUL.
 *
 * <p>Why not FFmpeg: as for {@link WavTags} — AU audio (GTZAN's original format) is decoded in this JVM, so its tags
 * were the only reason an AU catalogue started FFmpeg's process. Only a plain file is read here: big-endian
 * {@code .snd} with every header field non-zero (FFmpeg's probe), an encoding the JVM decodes (μ-law, A-law, 8–32-bit
 * PCM, 32/64-bit float), 1–1024 channels, a rate of 1 Hz to 2^31−1 Hz, and the annotation whole inside the file.
 * Anything else (the little-endian {@code dns.} variant, G.72x audio, a header size below 24 or past the file's end)
 * is FFmpeg's to read, as before; {@code AuTagsTest} checks that both readers agree.
 *
 * <p>FFmpeg's rules followed (libavformat's au.c, {@code au_read_annotation}): the bytes before the first {@code =}
 * are the key (a newline there is part of it); the value runs to the next newline or NUL; a NUL where a key starts
 * ends the annotation; an entry still open when the field ends is dropped. Of the keys only {@code title},
 * {@code artist}, {@code album}, {@code track} and {@code genre} are kept, matched whatever their ASCII case and
 * named in lower case, a later entry replacing an earlier one; empty values are kept.
 */
public final class AuTags {

    private static final int HEADER_BYTES = 24;
    /** The keys FFmpeg keeps, in its names. */
    private static final List<String> KEYS = List.of("title", "artist", "album", "track", "genre");
    /** FFmpeg's AU_UNKNOWN_SIZE; any other data size of 2^31 or more is refused by it. */
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    /** The encodings the JVM's AU decoder reads, all of them in FFmpeg's table (codec_au_tags). */
    private static final List<Long> JVM_ENCODINGS = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 27L);
    /** The decoders' limit on channels ({@code audio.WavFormat.MAX_CHANNELS}); far under FFmpeg's. */
    private static final long MAX_CHANNELS = 1024;
    /** A larger annotation is no tag a person wrote: FFmpeg judges it. */
    private static final int MAX_ANNOTATION_BYTES = 1 << 20;

    private AuTags() {}

    /**
     * The tags of the file {@code in} holds, FFmpeg's keys; null when the file is no plain AU (FFmpeg's to read).
     * Leaves {@code in} anywhere; the caller seeks back.
     *
     * @param length the file's length in bytes
     * @throws IOException only when the stream fails
     */
    public static JvmTags read(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] head = in.readNBytes(HEADER_BYTES);
        if (head.length < HEADER_BYTES || !Bytes.fourCC(head, 0).equals(".snd")) {
            return null;
        }
        for (int field = 4; field < HEADER_BYTES; field += 4) {
            if (Bytes.u32(head, field, true) == 0) {
                return null; // FFmpeg's probe does not take it as AU: another demuxer may
            }
        }
        long headerSize = Bytes.u32(head, 4, true);
        long dataSize = Bytes.u32(head, 8, true);
        long encoding = Bytes.u32(head, 12, true);
        long rate = Bytes.u32(head, 16, true);
        long channels = Bytes.u32(head, 20, true);
        boolean plain = headerSize >= HEADER_BYTES && headerSize <= length
                && headerSize - HEADER_BYTES <= MAX_ANNOTATION_BYTES
                && (dataSize <= Integer.MAX_VALUE || dataSize == UNKNOWN_SIZE)
                && JVM_ENCODINGS.contains(encoding) && channels <= MAX_CHANNELS && rate <= Integer.MAX_VALUE;
        if (!plain) {
            return null;
        }
        byte[] annotation = in.readNBytes((int) (headerSize - HEADER_BYTES));
        if (annotation.length < headerSize - HEADER_BYTES) {
            return null;
        }
        return new JvmTags(annotationTags(annotation), Id3v2Frames.NONE);
    }

    /** The entries of an annotation field FFmpeg keeps, in its names (au_read_annotation's state machine). */
    static Map<String, List<String>> annotationTags(byte[] annotation) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        String key = null; // null while the key is read
        for (byte c : annotation) {
            if (key == null) {
                if (c == 0) {
                    break; // the annotation's end: FFmpeg reads past the rest without looking
                } else if (c == '=') {
                    key = text.toString(StandardCharsets.ISO_8859_1); // one char per byte, for the ASCII match
                    text.reset();
                } else {
                    text.write(c);
                }
            } else if (c == 0 || c == '\n') {
                String name = ffmpegName(key);
                if (name != null) {
                    tags.put(name, List.of(text.toString(StandardCharsets.UTF_8))); // as ContainerTags decodes it
                }
                text.reset();
                key = null;
                if (c == 0) {
                    break;
                }
            } else {
                text.write(c);
            }
        }
        return tags;
    }

    /**
     * The key FFmpeg keeps {@code key} under (av_strcasecmp: ASCII letters only; {@code key} holds one char per byte,
     * and no Latin-1 char folds to an ASCII letter, so equalsIgnoreCase matches as it does), or null.
     */
    private static String ffmpegName(String key) {
        for (String name : KEYS) {
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        return null;
    }
}
