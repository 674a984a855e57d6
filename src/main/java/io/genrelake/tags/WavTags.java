package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A WAV file's tags as FFmpeg's wav demuxer hands them over ({@code audio.ffmpeg.ContainerTags}: the same generic
 * keys and values), read in this JVM from the file's chunks: {@code LIST/INFO} entries, the Broadcast Wave
 * {@code bext} chunk, and the ID3v2 tag of an {@code id3 } chunk ({@link Id3v2Frames}).
 *
 * <p>Why not FFmpeg: as for {@link Mp3Tags}, FFmpeg runs in a process of its own and each question to it is a round
 * trip; WAV audio is decoded in this JVM, so its tags were the only reason a WAV catalogue started that process
 * (docs/benchmarks.md, "What reading tags costs"). Only a plain WAV is read here: {@code RIFF}/{@code WAVE} from the
 * first byte, a PCM, float or extensible {@code fmt } chunk, a {@code data} chunk, every metadata chunk whole inside
 * the file and well formed. Anything else (RF64, RIFX, a broken INFO list, a second ID3 chunk, more than
 * {@value #MAX_CHUNKS} chunks) is FFmpeg's to read, as before; {@code WavTagsTest} checks that both readers agree.
 *
 * <p>FFmpeg's rules followed (libavformat's wavdec.c, riffdec.c, riff.c, demux.c): chunks walked to the end of the
 * file (stopping at a {@code data} chunk of size 0 or 0xFFFFFFFF, or at one reaching the file's end); an INFO entry
 * and a {@code bext} field set in FFmpeg's dictionary, a later one with the same key (any ASCII case) replacing it;
 * values cut at their first NUL, {@code bext} fields left out when empty, its time reference, UMID and coding
 * history written as FFmpeg writes them; keys named by {@code wav_metadata_conv}, then {@code ff_riff_info_conv},
 * two entries named alike both kept in order (FFmpeg 8.0 keeps {@code IPRT} and {@code ITRK} as two {@code track}
 * values). An ID3 chunk's tag is read as an MP3's ({@link Mp3Tags#named}) when the file has no INFO entry and no
 * {@code bext} chunk; beside them FFmpeg reads it into the same dictionary and converts them all together, so such
 * a file is FFmpeg's to read.
 */
public final class WavTags {

    /** Chunk headers looked at before leaving the file to FFmpeg, as {@link Id3Chunk} does. */
    static final int MAX_CHUNKS = 256;
    /** A larger INFO entry or coding history is no tag a person wrote: FFmpeg judges it (it refuses huge ones). */
    private static final int MAX_VALUE_BYTES = 1 << 20;
    /** The fixed part of a {@code bext} chunk (EBU Tech 3285): strings, time reference, version, UMID, reserved. */
    private static final int BEXT_BYTES = 602;

    /** FFmpeg's wav_metadata_conv: the {@code bext} fields with a generic name. */
    private static final Map<String, String> BEXT_NAMES = Map.of("DESCRIPTION", "comment", "ORIGINATOR",
            "encoded_by", "ORIGINATION_DATE", "date", "ORIGINATION_TIME", "creation_time");
    /** FFmpeg's ff_riff_info_conv: the INFO ids with a generic name. */
    private static final Map<String, String> INFO_NAMES = Map.ofEntries(Map.entry("IART", "artist"),
            Map.entry("ICMT", "comment"), Map.entry("ICOP", "copyright"), Map.entry("ICRD", "date"),
            Map.entry("IGNR", "genre"), Map.entry("ILNG", "language"), Map.entry("INAM", "title"),
            Map.entry("IPRD", "album"), Map.entry("IPRT", "track"), Map.entry("ITRK", "track"),
            Map.entry("ISFT", "encoder"), Map.entry("ISMP", "timecode"), Map.entry("ITCH", "encoded_by"));

    private WavTags() {}

    /**
     * The tags of the file {@code in} holds, FFmpeg's keys lower-cased, with the ID3 chunk's frames read; null when
     * the file is no plain WAV (FFmpeg's to read). Leaves {@code in} anywhere; the caller seeks back.
     *
     * @param length the file's length in bytes
     * @throws IOException only when the stream fails
     */
    public static JvmTags read(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] head = in.readNBytes(12);
        if (head.length < 12 || !Bytes.fourCC(head, 0).equals("RIFF") || !Bytes.fourCC(head, 8).equals("WAVE")) {
            return null;
        }
        Dictionary metadata = new Dictionary();
        boolean format = false;
        boolean data = false;
        Id3Chunk id3Chunk = null;
        long position = 12;
        walk:
        for (int chunks = 0; position + 8 <= length; chunks++) { // FFmpeg stops where a chunk header cannot be read
            if (chunks == MAX_CHUNKS) {
                return null;
            }
            ChunkHeader header = ChunkHeader.read(in, position, false);
            if (header == null) {
                return null;
            }
            long size = header.size();
            long body = header.body();
            boolean whole = header.end() <= length;
            switch (header.id()) {
                case "fmt " -> {
                    if (!format) { // FFmpeg reads the first one only
                        if (!whole || !plainFormat(in, body, size)) {
                            return null;
                        }
                        format = true;
                    }
                }
                case "data" -> {
                    data = true;
                    if (size == 0 || size == 0xFFFFFFFFL) {
                        break walk; // an unknown length: FFmpeg looks no further
                    }
                }
                case "LIST", "list" -> {
                    if (size < 4 || !whole) {
                        return null;
                    }
                    in.input().seek(body);
                    byte[] type = in.readNBytes(4);
                    if (type.length < 4) {
                        return null;
                    }
                    if (Bytes.fourCC(type, 0).equals("INFO") && !readInfo(in, body + 4, size - 4, metadata)) {
                        return null;
                    }
                }
                case "bext" -> {
                    if (!whole || size < BEXT_BYTES || size - BEXT_BYTES > MAX_VALUE_BYTES) {
                        return null;
                    }
                    readBext(in, body, size, metadata);
                }
                case "id3 ", "ID3 " -> {
                    if (id3Chunk != null || !whole) {
                        return null; // FFmpeg would merge a second tag into the first
                    }
                    id3Chunk = new Id3Chunk(body, size);
                }
                case "XMA2", "SMV0" -> {
                    return null; // streams of their own: FFmpeg's
                }
                default -> {
                    if (header.id().equalsIgnoreCase("id3 ")) {
                        return null; // FFmpeg ignores an "Id3 " chunk, where Id3Chunk reads it: keep FFmpeg's reading
                    }
                }
            }
            long next = header.end();
            if (next >= length) {
                break;
            }
            position = next + (next & 1); // chunks start at even offsets
        }
        if (!format || !data) {
            return null; // FFmpeg refuses the file: its reason becomes the tags' warning
        }
        if (id3Chunk == null) {
            return new JvmTags(metadata.renamed(BEXT_NAMES).renamed(INFO_NAMES).toMap(), Id3v2Frames.NONE);
        }
        if (!metadata.isEmpty()) {
            return null; // FFmpeg reads the ID3 tag into the same dictionary as INFO and bext: its mix is its own
        }
        Id3v2Frames id3 = id3Chunk.readAsFfmpeg(in, length);
        if (id3 == null) {
            return null; // a tag FFmpeg reads otherwise: its reading stands
        }
        Map<String, List<String>> tags = Mp3Tags.named(id3.texts());
        boolean renamedByWav = tags.keySet().stream().map(k -> k.toUpperCase(Locale.ROOT))
                .anyMatch(k -> BEXT_NAMES.containsKey(k) || INFO_NAMES.containsKey(k));
        return renamedByWav ? null : new JvmTags(tags, id3); // a TXXX named like an INFO id: FFmpeg renames it
    }

    /** A {@code fmt } chunk FFmpeg takes: PCM, float or extensible, 1–8 channels, a positive sampling rate. */
    private static boolean plainFormat(SeekableInputStream in, long body, long size) throws IOException {
        if (size < 16) {
            return false;
        }
        in.input().seek(body);
        byte[] f = in.readNBytes(16);
        if (f.length < 16) {
            return false;
        }
        int tag = Bytes.u16(f, 0, false);
        int channels = Bytes.u16(f, 2, false);
        int rate = (int) Bytes.u32(f, 4, false);
        boolean known = tag == 1 || tag == 3 || (tag == 0xFFFE && size >= 40);
        return known && channels >= 1 && channels <= 8 && rate > 0;
    }

    /**
     * FFmpeg's ff_read_riff_info over an INFO list of {@code size} bytes at {@code start}: each entry set under its
     * four-character id. False for what FFmpeg reads its own way (an entry past the list's end, an id with a NUL or a
     * byte outside printable ASCII, an oversized value).
     */
    private static boolean readInfo(SeekableInputStream in, long start, long size, Dictionary into)
            throws IOException {
        long end = start + size;
        long cur = start;
        in.input().seek(start);
        while (cur <= end - 8) {
            byte[] header = in.readNBytes(8);
            if (header.length < 8) {
                return false;
            }
            long entry = Bytes.u32(header, 4, false);
            long padded = entry + (entry & 1);
            if (entry > MAX_VALUE_BYTES || cur + 8 + padded > end) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if (header[i] < 0x20 || header[i] > 0x7E) {
                    return false;
                }
            }
            byte[] value = in.readNBytes((int) padded);
            if (value.length < padded) {
                return false;
            }
            into.set(Bytes.fourCC(header, 0), cString(value, 0, value.length));
            cur += 8 + padded;
        }
        return true;
    }

    /** FFmpeg's wav_parse_bext_tag: the strings that are not empty, the time reference, a UMID, the coding history. */
    private static void readBext(SeekableInputStream in, long body, long size, Dictionary into) throws IOException {
        in.input().seek(body);
        byte[] b = in.readNBytes((int) size);
        if (b.length < size) {
            throw new IOException("the stream ended inside the bext chunk"); // the length said otherwise
        }
        setIfNotEmpty(into, "description", b, 0, 256);
        setIfNotEmpty(into, "originator", b, 256, 32);
        setIfNotEmpty(into, "originator_reference", b, 288, 32);
        setIfNotEmpty(into, "origination_date", b, 320, 10);
        setIfNotEmpty(into, "origination_time", b, 330, 8);
        into.set("time_reference", Long.toUnsignedString(Bytes.u64le(b, 338)));
        if (Bytes.u16(b, 346, false) >= 1) { // version 1 added the UMID
            long[] umid = new long[8];
            long mask = 0;
            for (int i = 0; i < 8; i++) {
                umid[i] = Bytes.u64be(b, 348 + 8 * i);
                mask |= umid[i];
            }
            if (mask != 0) { // SMPTE 330M's basic UMID is 32 bytes; the extended one 64
                int parts = umid[4] == 0 && umid[5] == 0 && umid[6] == 0 && umid[7] == 0 ? 4 : 8;
                StringBuilder text = new StringBuilder("0x");
                for (int i = 0; i < parts; i++) {
                    text.append(String.format(Locale.ROOT, "%016X", umid[i]));
                }
                into.set("umid", text.toString());
            }
        }
        if (size > BEXT_BYTES) {
            into.set("coding_history", cString(b, BEXT_BYTES, (int) size - BEXT_BYTES));
        }
    }

    private static void setIfNotEmpty(Dictionary into, String key, byte[] b, int at, int width) {
        String value = cString(b, at, width);
        if (!value.isEmpty()) {
            into.set(key, value);
        }
    }

    /** The bytes up to the first NUL, as ContainerTags decodes FFmpeg's values (UTF-8). */
    static String cString(byte[] b, int at, int width) {
        int end = at;
        while (end < at + width && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    /**
     * FFmpeg's AVDictionary as av_dict_set keeps it: keys matched whatever their ASCII case; a key set again loses
     * its entry (the last entry takes its place) and is added at the end. The order decides which value wins when
     * two keys get the same name.
     */
    private static final class Dictionary {
        private final List<String[]> entries = new ArrayList<>();

        void set(String key, String value) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i)[0].equalsIgnoreCase(key)) {
                    entries.set(i, entries.get(entries.size() - 1));
                    entries.remove(entries.size() - 1);
                    break;
                }
            }
            entries.add(new String[] {key, value});
        }

        /**
         * FFmpeg's ff_metadata_conv: every entry, in order, under its generic name where it has one. Two entries
         * that get the same name both stay (FFmpeg 8.0 keeps {@code IPRT} and {@code ITRK} as two {@code track}
         * values, measured in {@code WavTagsTest}); the first is the one read.
         */
        Dictionary renamed(Map<String, String> names) {
            Dictionary out = new Dictionary();
            for (String[] e : entries) {
                out.entries.add(new String[] {names.getOrDefault(e[0].toUpperCase(Locale.ROOT), e[0]), e[1]});
            }
            return out;
        }


        boolean isEmpty() {
            return entries.isEmpty();
        }

        Map<String, List<String>> toMap() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String[] e : entries) {
                map.computeIfAbsent(e[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e[1]);
            }
            return map;
        }
    }
}
