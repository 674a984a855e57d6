package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AIFF or AIFF-C file's tags as FFmpeg's aiff demuxer hands them over ({@code audio.ffmpeg.ContainerTags}: the
 * same keys and values), read in this JVM from its text chunks ({@code NAME}, {@code AUTH}, {@code (c) },
 * {@code ANNO}) or from the ID3v2 tag of its {@code ID3 } chunk ({@link Id3v2Frames}).
 *
 * <p>Why not FFmpeg: as for {@link WavTags} — AIFF audio is decoded in this JVM, so its tags were the only reason to
 * ask FFmpeg's process. Only a plain file is read here: {@code FORM} from the first byte with the file's length, a
 * PCM {@code COMM} chunk (AIFF, or AIFF-C uncompressed, {@code sowt} or 32-bit float), an {@code SSND} chunk, chunks
 * that tile the form exactly. Anything else is FFmpeg's to read, as before; {@code AiffTagsTest} checks that both
 * readers agree.
 *
 * <p>FFmpeg's rules followed (libavformat's aiffdec.c): the four text chunks set {@code title}, {@code author},
 * {@code copyright} and {@code comment}, a later chunk replacing an earlier one, each value cut at its first NUL and
 * kept even when empty; nothing after a {@code COMM} chunk that follows the {@code SSND} chunk is read. The ID3
 * chunk's tag is read as an MP3's ({@link Mp3Tags#named}) when the file has no text chunk; beside one, FFmpeg reads
 * it into the same dictionary and converts them together, so such a file is FFmpeg's to read.
 */
public final class AiffTags {

    /** The AIFF-C compression types FFmpeg reads as plain PCM here (its ff_codec_aiff_tags). */
    private static final Set<String> PCM_COMPRESSIONS = Set.of("NONE", "sowt", "fl32", "FL32");
    /** FFmpeg's names for the text chunks. */
    private static final Map<String, String> TEXT_CHUNKS = Map.of("NAME", "title", "AUTH", "author", "(c) ",
            "copyright", "ANNO", "comment");
    /** A larger text chunk is no tag a person wrote: FFmpeg judges it. */
    private static final int MAX_VALUE_BYTES = 1 << 20;

    private AiffTags() {}

    /**
     * The tags of the file {@code in} holds, FFmpeg's keys, with the ID3 chunk's frames read; null when the file is no
     * plain AIFF (FFmpeg's to read). Leaves {@code in} anywhere; the caller seeks back.
     *
     * @param length the file's length in bytes
     * @throws IOException only when the stream fails
     */
    public static JvmTags read(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] head = in.readNBytes(12);
        if (head.length < 12 || !Bytes.fourCC(head, 0).equals("FORM")) {
            return null;
        }
        String type = Bytes.fourCC(head, 8);
        boolean aifc = type.equals("AIFC");
        if (!aifc && !type.equals("AIFF") || Bytes.u32(head, 4, true) + 8 != length) {
            return null; // a form whose size is not the file's: FFmpeg walks it its own way
        }
        Map<String, List<String>> text = new LinkedHashMap<>();
        boolean common = false;
        boolean sound = false;
        Id3Chunk id3Chunk = null;
        long position = 12;
        for (int chunks = 0; position < length; chunks++) {
            ChunkHeader header = chunks == WavTags.MAX_CHUNKS || position + 8 > length ? null
                    : ChunkHeader.read(in, position, true);
            if (header == null) {
                return null;
            }
            long size = header.size();
            long body = header.body();
            long next = header.end() + (size & 1);
            if (next > length) {
                return null; // a chunk past the form's end
            }
            boolean last = false;
            String id = header.id();
            switch (id) {
                case "COMM" -> {
                    if (common || !plainCommon(in, body, size, aifc)) {
                        return null;
                    }
                    common = true;
                    last = sound; // FFmpeg starts the audio there and reads no further chunk
                }
                case "SSND" -> {
                    if (sound || size < 8) {
                        return null;
                    }
                    sound = true;
                }
                case "NAME", "AUTH", "(c) ", "ANNO" -> {
                    if (size > MAX_VALUE_BYTES) {
                        return null;
                    }
                    in.input().seek(body);
                    byte[] value = in.readNBytes((int) size);
                    if (value.length < size) {
                        return null;
                    }
                    text.put(TEXT_CHUNKS.get(id), List.of(WavTags.cString(value, 0, value.length)));
                }
                case "ID3 " -> {
                    if (id3Chunk != null) {
                        return null; // FFmpeg would merge a second tag into the first
                    }
                    id3Chunk = new Id3Chunk(body, size);
                }
                case "FVER" -> {
                    // FFmpeg reads four bytes whatever the size, and the version read decides how a later COMM is read
                    if (size != 4 || !common && isAifcVersion1(in, body) != aifc) {
                        return null;
                    }
                }
                case "MARK", "INST", "COMT", "APPL", "MIDI", "AESD", "JUNK" -> {
                    // no tags, nothing FFmpeg reads from them that could fail
                }
                default -> {
                    return null; // CHAN, wave, APCM, a zero id, an id3 chunk in lower case …: FFmpeg's to judge
                }
            }
            if (last) {
                break;
            }
            position = next;
        }
        if (!common || !sound) {
            return null;
        }
        if (id3Chunk == null) {
            return new JvmTags(text, Id3v2Frames.NONE);
        }
        if (!text.isEmpty()) {
            return null; // FFmpeg reads the ID3 tag into the dictionary the text chunks go to: its mix is its own
        }
        Id3v2Frames id3 = id3Chunk.readAsFfmpeg(in, length);
        if (id3 == null) {
            return null; // a tag FFmpeg reads otherwise: its reading stands
        }
        return new JvmTags(Mp3Tags.named(id3.texts()), id3);
    }

    /**
     * A {@code COMM} chunk FFmpeg takes and whose audio is PCM: 1–8 channels, fewer than 2^31 frames, 1–32 bits, a
     * sampling rate of 256 Hz to 2 MHz written as an 80-bit float; for AIFF-C, a PCM compression type.
     */
    private static boolean plainCommon(SeekableInputStream in, long body, long size, boolean aifc)
            throws IOException {
        if (size < (aifc ? 22 : 18)) {
            return false;
        }
        in.input().seek(body);
        byte[] c = in.readNBytes(aifc ? 22 : 18);
        if (c.length < (aifc ? 22 : 18)) {
            return false;
        }
        int channels = Bytes.u16(c, 0, true);
        boolean frames = c[2] >= 0; // FFmpeg returns a frame count of 2^31 or more as an error code
        int bits = Bytes.u16(c, 6, true);
        long sampleRate = ffmpegSampleRate(c);
        // 256 Hz to 2 MHz: FFmpeg refuses some rates below (15 Hz) and above int's range
        boolean rate = sampleRate >= 256 && sampleRate <= 2_000_000;
        boolean pcm = !aifc || PCM_COMPRESSIONS.contains(Bytes.fourCC(c, 18));
        return channels >= 1 && channels <= 8 && frames && bits >= 1 && bits <= 32 && rate && pcm;
    }

    /**
     * The sampling rate as FFmpeg's aiffdec.c computes it from COMM's 80-bit float (bytes 8–17), rounding included:
     * {@code (mantissa + 2^(-e-1)) >> -e} in unsigned 64-bit arithmetic, which wraps for a mantissa near 2^64; -1 for a
     * negative or out-of-range exponent.
     */
    private static long ffmpegSampleRate(byte[] c) {
        int biased = Bytes.u16(c, 8, true); // the sign bit too: a negative rate is refused
        int exponent = biased - 16383 - 63;
        if (exponent >= 0 || exponent < -63) {
            return -1; // 2^63 Hz and above (or a negative rate), or below 1 Hz: nothing FFmpeg could use
        }
        long mantissa = Bytes.u64be(c, 10);
        return (mantissa + (1L << (-exponent - 1))) >>> -exponent;
    }

    /** The version chunk says AIFF-C version 1 (0xA2805140): FFmpeg then reads COMM as AIFF-C's, else as AIFF's. */
    private static boolean isAifcVersion1(SeekableInputStream in, long body) throws IOException {
        in.input().seek(body);
        byte[] v = in.readNBytes(4);
        return v.length == 4 && Bytes.u32(v, 0, true) == 0xA2805140L;
    }
}
