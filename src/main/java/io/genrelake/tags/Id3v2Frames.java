package io.genrelake.tags;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ID3v2 tag at the start of a file says, read in this JVM: the first value of every text frame as FFmpeg's
 * demuxer keeps it ({@link #texts}, for {@link Mp3Tags}, which hands an MP3's tags over without FFmpeg), and the
 * frames FFmpeg reads incompletely: every value of every genre frame ({@code TCON}, v2.2 {@code TCO}) in order,
 * NUL-separated values split (ID3v2.4, tolerated in 2.3), repeated frames kept; and the MusicBrainz recording id of
 * the {@code UFID} frame (v2.2 {@code UFI}) whose owner is {@code http://musicbrainz.org}, which FFmpeg does not read
 * at all.
 *
 * <p>Why our own and not a library: FFmpeg ({@code audio.ffmpeg.ContainerTags}) keeps only a frame's first value and
 * the first of repeated frames, and runs in its own process, a round trip per question (docs/benchmarks.md, "What
 * reading tags costs"); jaudiotagger's API wants a {@code java.io.File}, i.e. a local copy of each file. The
 * format is the one of id3.org's "ID3 tag version 2" (2.2), "ID3 tag version 2.3.0" and "ID3 tag version 2.4.0 -
 * Main Structure" documents: versions 2.2–2.4, the extended header skipped, whole-tag unsynchronisation (2.2/2.3, and
 * 2.4's header flag), 2.4's per-frame unsynchronisation and data length indicator; compressed and encrypted frames
 * are skipped, as are all frames but text and UFID frames (by seeking: cover pictures and lyrics are not read).
 *
 * <p>Never trusts a declared size: a tag larger than the rest of the file is refused before anything is read, a
 * whole unsynchronised tag (which must be read to be walked) above {@link #MAX_TAG_BYTES} too, and a wanted frame
 * above {@link #MAX_FRAME_BYTES} is skipped; every refusal is a warning, never an exception.
 *
 * @param genres                 the genre frames' values, in order, not trimmed nor named (ID3's {@code (17)} stays)
 * @param musicBrainzRecordingId the MusicBrainz UFID's identifier as written (not validated), or null
 * @param texts                  by frame id ({@code TIT2}, v2.2 {@code TT2}; a {@code TXXX} frame by its
 *                               description), the first frame's first value, as FFmpeg's dictionary keeps them
 *                               before it names them: empty values left out but for {@code TXXX}'s, genres not yet
 *                               numbers turned into names; comment and lyrics frames ({@code COMM}, {@code USLT})
 *                               as an empty value (their text is not read: only that FFmpeg would keep an entry)
 * @param warnings               what could not be read, and why; empty when fine
 * @param readAsFfmpeg           {@code texts} are what FFmpeg's id3v2.c reads from this tag: no warning, and no text,
 *                               comment or lyrics frame whose format flags FFmpeg reads otherwise (it takes ID3v2.4's
 *                               flag bits for ID3v2.3 frames too, keeps a grouping byte, inflates a compressed
 *                               frame); this JVM's readers ({@link Mp3Tags}, {@link WavTags}, {@link AiffTags}) hand a
 *                               tag over in FFmpeg's place only then
 */
public record Id3v2Frames(List<String> genres, String musicBrainzRecordingId, Map<String, String> texts,
        List<String> warnings, boolean readAsFfmpeg) {

    /** An unsynchronised tag is read whole before it is walked: larger ones are refused. */
    public static final int MAX_TAG_BYTES = 16 << 20;
    /** A text or UFID frame is a few words: larger ones are skipped, with a warning. */
    public static final int MAX_FRAME_BYTES = 64 << 10;

    private static final String MUSICBRAINZ_OWNER = "http://musicbrainz.org";
    /** Frames FFmpeg keeps as a comment or lyrics entry, making its dictionary non-empty; their text is not read. */
    private static final Set<String> COMMENT_FRAMES = Set.of("COMM", "COM", "USLT");

    /** No ID3v2 tag, or nothing of these frames in it. */
    public static final Id3v2Frames NONE = new Id3v2Frames(List.of(), null, Map.of(), List.of(), true);

    public Id3v2Frames {
        genres = List.copyOf(genres);
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        warnings = List.copyOf(warnings);
    }

    /**
     * The frames of the ID3v2 tag at {@code in}'s position, or {@link #NONE} when none starts there. Leaves {@code in}
     * anywhere (the caller seeks back); throws only for an input that fails, never for a broken tag.
     *
     * @param available the bytes from {@code in}'s position to the end of the file, or -1 when unknown
     */
    public static Id3v2Frames read(InputStream in, long available) throws IOException {
        byte[] header = in.readNBytes(10);
        if (header.length < 10 || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return NONE;
        }
        int version = header[3];
        int flags = header[5] & 0xFF;
        List<String> warnings = new ArrayList<>();
        if (version < 2 || version > 4 || header[4] == (byte) 0xFF) {
            return NONE; // a version this reader does not know, or no tag (revision 0xFF): FFmpeg's values stand
        }
        if ((header[6] | header[7] | header[8] | header[9]) < 0) {
            warnings.add("ID3v2 tag size malformed");
            return refused(warnings);
        }
        long size = syncsafe(header, 6);
        if (available >= 0 && 10 + size > available) {
            warnings.add("ID3v2 tag size beyond the file (" + size + " bytes declared, " + (available - 10)
                    + " there)");
            return refused(warnings);
        }
        if (version == 2 && (flags & 0x40) != 0) {
            return NONE; // ID3v2.2's "compression" flag: no scheme was ever defined, the spec says ignore the tag
        }
        boolean tagUnsync = (flags & 0x80) != 0;
        Walk walk;
        if (tagUnsync && version < 4) { // 2.2/2.3: the whole tag, frame headers included, is unsynchronised
            if (size > MAX_TAG_BYTES) {
                warnings.add("ID3v2 tag oversized (" + size + " bytes, unsynchronised)");
                return refused(warnings);
            }
            byte[] tag = in.readNBytes((int) size); // grows as it reads: never the declared size up front
            byte[] plain = resync(tag, tag.length);
            walk = new Walk(new ByteArrayInputStream(plain), plain.length, version, false, warnings);
            if (tag.length < size) {
                warnings.add("ID3v2 tag truncated");
            }
        } else {
            walk = new Walk(new BufferedInputStream(in, 4096), size, version, tagUnsync, warnings);
        }
        try {
            walk.run((flags & 0x40) != 0);
        } catch (EOFException e) {
            warnings.add("ID3v2 tag truncated");
        }
        return new Id3v2Frames(walk.genres, walk.ufid, walk.texts, warnings, walk.readAsFfmpeg && warnings.isEmpty());
    }

    /** A tag not walked at all, with the reason; FFmpeg may still read some of it. */
    static Id3v2Frames refused(List<String> warnings) {
        return new Id3v2Frames(List.of(), null, Map.of(), warnings, false);
    }

    /** Walks the frames of one tag body, keeping the text and MusicBrainz UFID frames' values. */
    private static final class Walk {
        private final InputStream in;
        private final int version;
        private final boolean allFramesUnsync; // 2.4: the header's flag says every frame is unsynchronised
        private final List<String> warnings;
        private long remaining;
        final List<String> genres = new ArrayList<>();
        final Map<String, String> texts = new LinkedHashMap<>();
        String ufid;
        boolean readAsFfmpeg = true;

        Walk(InputStream in, long size, int version, boolean allFramesUnsync, List<String> warnings) {
            this.in = in;
            this.remaining = size;
            this.version = version;
            this.allFramesUnsync = allFramesUnsync;
            this.warnings = warnings;
        }

        void run(boolean extendedHeader) throws IOException {
            if (extendedHeader && version >= 3) {
                byte[] b = take(4);
                // 2.3: size after these 4 bytes; 2.4: syncsafe size including them
                long size = version == 3 ? uint32(b, 0) : syncsafe(b, 0) - 4;
                if (size < 0 || size > remaining) {
                    warnings.add("ID3v2 extended header size beyond the tag");
                    return;
                }
                skip(size);
            }
            int headerBytes = version == 2 ? 6 : 10;
            while (remaining >= headerBytes) {
                long left = remaining; // FFmpeg's len: this frame's header included
                byte[] h = take(headerBytes);
                boolean unnamed = h[0] == 0; // padding, as FFmpeg reads it below
                String id = unnamed ? "(padding)" : frameId(h, version == 2 ? 3 : 4);
                if (id == null) {
                    warnings.add("ID3v2 frame id malformed");
                    return;
                }
                long size = version == 2 ? (h[3] & 0xFF) << 16 | (h[4] & 0xFF) << 8 | (h[5] & 0xFF)
                        : version == 3 ? uint32(h, 4) : frameSize24(id, uint32(h, 4), left);
                if (size < 0) {
                    return; // neither reading of the size reaches a frame: FFmpeg stops here too
                }
                if (size > remaining) {
                    if (!unnamed) {
                        warnings.add("ID3v2 frame " + id + " size beyond the tag (" + size + " bytes, " + remaining
                                + " left)");
                    }
                    return;
                }
                if (size == 0) {
                    continue; // FFmpeg skips an empty frame, even a comment, and a padding header of zeros
                }
                int format = version == 2 ? 0 : h[9] & 0xFF;
                if ((format & 0x01) != 0 && size < 4) { // FFmpeg's data length flag (bit 0, in 2.3 frames too)
                    warnings.add("ID3v2 frame " + id + " shorter than its data length indicator");
                    return;
                }
                if (unnamed) {
                    if ((format & 0x04) == 0) {
                        return; // padding: the rest of the tag
                    }
                    skip(size); // FFmpeg skips a frame flagged encrypted (bit 2) before it looks for padding
                    continue;
                }
                boolean ffmpegText = id.startsWith("T") || COMMENT_FRAMES.contains(id);
                if (ffmpegText && (version == 3 ? format != 0 : (format & 0x48) != 0)) {
                    readAsFfmpeg = false; // FFmpeg reads this frame's flags its own way (see readAsFfmpeg)
                }
                boolean genre = id.equals("TCON") || id.equals("TCO");
                boolean ufidFrame = id.equals("UFID") || id.equals("UFI");
                if (COMMENT_FRAMES.contains(id)) { // only that it is there matters (FFmpeg keeps even an empty one)
                    texts.putIfAbsent(id, "");
                    skip(size);
                } else if (!id.startsWith("T") && !ufidFrame) {
                    skip(size);
                } else if (size > MAX_FRAME_BYTES) {
                    warnings.add("ID3v2 frame " + id + " oversized (" + size + " bytes)");
                    skip(size);
                } else {
                    byte[] body = body(h, (int) size);
                    if (body == null) {
                        continue;
                    }
                    if (ufidFrame) {
                        ufid = ufid == null ? musicBrainzId(body) : ufid;
                    } else {
                        keepText(id, body);
                    }
                    if (genre) {
                        genres.addAll(text(body));
                    }
                }
            }
        }

        /**
         * An ID3v2.4 frame's size as FFmpeg's id3v2.c takes it, or -1 where it gives up on the tag. Some encoders
         * (iTunes) wrote ID3v2.3's plain sizes into 2.4 tags: a size above 127 that fits in the tag is read as
         * syncsafe when a frame (or padding) follows it there, else as plain when one follows that, else neither.
         */
        private long frameSize24(String id, long raw, long left) throws IOException {
            long syncsafe = (raw & 0x7F) | (raw & 0x7F00) >> 1 | (raw & 0x7F0000) >> 2 | (raw & 0x7F000000L) >> 3;
            if (raw <= 0x7F || raw >= left || raw > MAX_TAG_BYTES || frameStartsAt(syncsafe)) {
                return syncsafe;
            }
            if (frameStartsAt(raw)) {
                return raw;
            }
            warnings.add("ID3v2 frame " + id + " size reaches no frame, read either way");
            return -1;
        }

        /** FFmpeg's check_tag: a frame id or four zero bytes {@code offset} bytes ahead. Reads nothing. */
        private boolean frameStartsAt(long offset) throws IOException {
            in.mark((int) offset + 4);
            try {
                in.skipNBytes(offset);
                byte[] b = in.readNBytes(4);
                return b.length == 4 && ((b[0] | b[1] | b[2] | b[3]) == 0 || frameId(b, 4) != null);
            } catch (EOFException e) {
                return false;
            } finally {
                in.reset();
            }
        }

        /** FFmpeg's way: the first value of a frame's first occurrence; a TXXX frame's second value by its first. */
        private void keepText(String id, byte[] body) {
            boolean described = id.equals("TXXX") || id.equals("TXX");
            if (!bomsWhereFfmpegWantsThem(body, described)) {
                return; // FFmpeg's decode_str refuses the frame ("Incorrect BOM value")
            }
            List<String> v = values(body, true);
            if (described) {
                if (!v.isEmpty()) {
                    texts.putIfAbsent(v.get(0), v.size() > 1 ? v.get(1) : "");
                }
            } else if (!v.isEmpty() && !v.get(0).isEmpty()) {
                texts.putIfAbsent(id, v.get(0));
            }
        }

        /**
         * FFmpeg reads UTF-16 with a byte order mark (encoding 1) only where each string it reads starts with one: the
         * text, or a TXXX frame's description and its value. Other encodings always pass.
         */
        private static boolean bomsWhereFfmpegWantsThem(byte[] body, boolean twoStrings) {
            if (body.length == 0 || body[0] != 1) {
                return true;
            }
            if (!bomAt(body, 1)) {
                return false;
            }
            if (!twoStrings) {
                return true;
            }
            int i = 3;
            while (i + 1 < body.length && (body[i] != 0 || body[i + 1] != 0)) {
                i += 2;
            }
            return bomAt(body, i + 2);
        }

        private static boolean bomAt(byte[] b, int at) {
            if (at + 1 >= b.length) {
                return false;
            }
            int bom = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
            return bom == 0xFFFE || bom == 0xFEFF;
        }

        /** The frame's data, its format flags undone; null for a compressed or encrypted frame (skipped). */
        private byte[] body(byte[] header, int size) throws IOException {
            int format = version == 2 ? 0 : header[9] & 0xFF;
            byte[] data = take(size);
            if (version == 3) {
                if ((format & 0xC0) != 0) { // compressed, encrypted
                    return null;
                }
                return (format & 0x20) != 0 ? slice(data, 1) : data; // grouping identity byte
            }
            if (version == 4) {
                if ((format & 0x0C) != 0) { // compressed, encrypted
                    return null;
                }
                int from = ((format & 0x40) != 0 ? 1 : 0) + ((format & 0x01) != 0 ? 4 : 0); // group, data length
                data = slice(data, from);
                if ((format & 0x02) != 0 || allFramesUnsync) {
                    data = resync(data, data.length);
                }
            }
            return data;
        }

        private byte[] take(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            remaining -= b.length;
            if (b.length < n) {
                throw new EOFException();
            }
            return b;
        }

        private void skip(long n) throws IOException {
            in.skipNBytes(n);
            remaining -= n;
        }
    }

    /** The values of a text frame: encoding byte, then values separated (and maybe ended) by NUL; empty ones dropped. */
    static List<String> text(byte[] body) {
        return values(body, false);
    }

    /**
     * The values of a text frame, empty ones kept where {@code keepEmpty} (FFmpeg keeps an empty TXXX value), but
     * never the nothing after a closing NUL.
     */
    private static List<String> values(byte[] body, boolean keepEmpty) {
        List<String> values = new ArrayList<>();
        if (body.length == 0) {
            return values;
        }
        int encoding = body[0];
        boolean wide = encoding == 1 || encoding == 2;
        Charset charset = switch (encoding) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16BE; // until a byte order mark says otherwise
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> null;
        };
        if (charset == null) {
            return values; // an encoding no version defines: no text to trust
        }
        int start = 1;
        int step = wide ? 2 : 1;
        for (int i = 1; i <= body.length; i += step) {
            boolean end = i + step > body.length;
            boolean nul = !end && body[i] == 0 && (!wide || body[i + 1] == 0);
            if (!nul && !end) {
                continue;
            }
            int stop = end ? body.length - (wide ? (body.length - 1) % 2 : 0) : i; // a stray odd byte dropped
            int from = start;
            if (encoding == 1 && stop - from >= 2) { // each 2.4 value may carry its own byte order mark
                int bom = (body[from] & 0xFF) << 8 | (body[from + 1] & 0xFF);
                if (bom == 0xFFFE || bom == 0xFEFF) {
                    charset = bom == 0xFFFE ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
                    from += 2;
                }
            }
            if (stop > from) {
                values.add(new String(body, from, stop - from, charset));
            } else if (keepEmpty && !(end && from >= body.length)) {
                values.add("");
            }
            start = i + step;
            if (end) {
                break;
            }
        }
        return values;
    }

    /** The identifier of a UFID frame owned by MusicBrainz: owner text, NUL, then the id's ASCII bytes. */
    static String musicBrainzId(byte[] body) {
        int nul = 0;
        while (nul < body.length && body[nul] != 0) {
            nul++;
        }
        if (nul == body.length
                || !new String(body, 0, nul, StandardCharsets.ISO_8859_1).equals(MUSICBRAINZ_OWNER)) {
            return null;
        }
        return new String(body, nul + 1, body.length - nul - 1, StandardCharsets.ISO_8859_1);
    }

    /** A frame id of upper-case letters and digits, or null. */
    private static String frameId(byte[] h, int n) {
        for (int i = 0; i < n; i++) {
            if (!(h[i] >= 'A' && h[i] <= 'Z') && !(h[i] >= '0' && h[i] <= '9')) {
                return null;
            }
        }
        return new String(h, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Undoes unsynchronisation: every 0x00 written after a 0xFF is dropped. */
    static byte[] resync(byte[] data, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        for (int i = 0; i < length; i++) {
            out.write(data[i]);
            if (data[i] == (byte) 0xFF && i + 1 < length && data[i + 1] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static byte[] slice(byte[] data, int from) {
        return from >= data.length ? new byte[0] : java.util.Arrays.copyOfRange(data, from, data.length);
    }

    /** ID3v2's 28-bit size: four bytes of seven bits each. */
    static long syncsafe(byte[] b, int at) {
        return (b[at] & 0x7FL) << 21 | (b[at + 1] & 0x7FL) << 14 | (b[at + 2] & 0x7FL) << 7 | (b[at + 3] & 0x7FL);
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }
}
