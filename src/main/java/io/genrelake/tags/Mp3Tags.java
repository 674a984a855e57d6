package io.genrelake.tags;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MP3's tags as FFmpeg's mp3 demuxer hands them over ({@code audio.ffmpeg.ContainerTags}: the same generic keys
 * and values), read in this JVM from the ID3v2 tag at the file's start ({@link Id3v2Frames}) or, where that gives
 * nothing, the ID3v1 tag in its last 128 bytes.
 *
 * <p>Why not FFmpeg, as for every other container: FFmpeg runs in its own process, and a question to it is a round
 * trip the executor waits for while its other tasks keep the cores busy; MP3s, the usual catalogue, are decoded in
 * this JVM, so their tags were the only reason to ask (docs/benchmarks.md, "What reading tags costs"). Only a plain
 * MP3 is read here: one ID3v2 tag of version 2.2–2.4, or none, followed at once by an MPEG audio frame header, and a
 * tag {@link Id3v2Frames} reads as FFmpeg does ({@link Id3v2Frames#readAsFfmpeg}: no warning, no unusual frame flags).
 * Any other start (padding, a second tag, another container) or tag is FFmpeg's to read, as before;
 * {@code Mp3TagsTest} checks that both readers agree.
 *
 * <p>FFmpeg's rules followed (libavformat's id3v2.c, id3v1.c, mp3dec.c): a frame's first value, the first frame of
 * an id winning, empty values dropped; genres written as ID3v1 numbers ({@code 17}, {@code (17)Rock}) named; frame
 * ids named by its three conversion tables, v2.2 ids included; {@code TYER}, {@code TDAT} and {@code TIME} merged into
 * {@code date} ({@code YYYY-MM-DD HH:MM}); the ID3v1 tag read only when the ID3v2 tag gave no entry; an ID3v2.4
 * frame size that is plain rather than syncsafe (iTunes) recognised as FFmpeg recognises it. One
 * deliberate difference: in a wholly unsynchronised ID3v2.3 tag, frame sizes count the bytes before
 * unsynchronisation (the tag is unsynchronised after its frames are assembled, ID3v2.3.0 section 5), where FFmpeg
 * counts the written bytes and cuts a value holding 0xFF bytes short.
 */
public final class Mp3Tags {

    /** ID3v1's size, at the file's end. */
    private static final int ID3V1_BYTES = 128;

    /**
     * FFmpeg's names for frame ids (ff_id3v2_34_metadata_conv, id3v2_2_metadata_conv, ff_id3v2_4_metadata_conv; and
     * where its comment reader puts a comment, whose text is not read here).
     */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("TALB", "album"), Map.entry("TCOM", "composer"), Map.entry("TCON", "genre"),
            Map.entry("TCOP", "copyright"), Map.entry("TENC", "encoded_by"), Map.entry("TIT2", "title"),
            Map.entry("TLAN", "language"), Map.entry("TPE1", "artist"), Map.entry("TPE2", "album_artist"),
            Map.entry("TPE3", "performer"), Map.entry("TPOS", "disc"), Map.entry("TPUB", "publisher"),
            Map.entry("TRCK", "track"), Map.entry("TSSE", "encoder"), Map.entry("USLT", "lyrics"),
            Map.entry("TAL", "album"), Map.entry("TCO", "genre"), Map.entry("TCP", "compilation"),
            Map.entry("TT1", "grouping"), Map.entry("TT2", "title"), Map.entry("TEN", "encoded_by"),
            Map.entry("TP1", "artist"), Map.entry("TP2", "album_artist"), Map.entry("TP3", "performer"),
            Map.entry("TRK", "track"), Map.entry("TCMP", "compilation"), Map.entry("TDRC", "date"),
            Map.entry("TDRL", "date"), Map.entry("TDEN", "creation_time"), Map.entry("TSOA", "album-sort"),
            Map.entry("TSOP", "artist-sort"), Map.entry("TSOT", "title-sort"), Map.entry("TIT1", "grouping"),
            Map.entry("COMM", "comment"), Map.entry("COM", "comment"));

    /** What FFmpeg's {@code sscanf(s, "(%d)")} or {@code sscanf(s, "%d")} takes for a genre number. */
    private static final Pattern GENRE_NUMBER = Pattern.compile("^(?:\\(\\s*|\\s*)([+-]?)(\\d+)");
    private static final Pattern FOUR_DIGITS = Pattern.compile("^\\d{4}$");

    private Mp3Tags() {}

    /**
     * The tags of the file {@code in} holds, FFmpeg's keys lower-cased, with the ID3v2 frames read; null when the
     * file is no plain MP3 (FFmpeg's to read). Leaves {@code in} anywhere; the caller seeks back.
     *
     * @param length the file's length in bytes
     * @throws IOException only when the stream fails
     */
    public static JvmTags read(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] head = in.readNBytes(10);
        if (head.length < 10) {
            return null;
        }
        long audioStart = 0;
        boolean tagged = head[0] == 'I' && head[1] == 'D' && head[2] == '3';
        if (tagged) {
            if (head[3] < 2 || head[3] > 4 || head[4] == (byte) 0xFF || (head[6] | head[7] | head[8] | head[9]) < 0) {
                return null; // a version or size FFmpeg judges for itself
            }
            boolean footer = head[3] == 4 && (head[5] & 0x10) != 0;
            audioStart = 10 + Id3v2Frames.syncsafe(head, 6) + (footer ? 10 : 0);
            if (audioStart + 4 > length) {
                return null;
            }
            in.input().seek(audioStart);
            head = in.readNBytes(4);
        }
        if (head.length < 4 || !isMpegAudioHeader(head)) {
            return null;
        }
        Id3v2Frames id3 = Id3v2Frames.NONE;
        if (tagged) {
            in.input().seek(0);
            id3 = Id3v2Frames.read(in, length);
            if (!id3.readAsFfmpeg()) {
                return null; // a tag FFmpeg reads otherwise (a warning, unusual frame flags): its reading stands
            }
        }
        Map<String, List<String>> tags = named(id3.texts());
        if (tags.isEmpty() && length > ID3V1_BYTES) {
            in.input().seek(length - ID3V1_BYTES);
            byte[] v1 = in.readNBytes(ID3V1_BYTES);
            if (v1.length == ID3V1_BYTES) {
                readId3v1(v1, tags);
            }
        }
        return new JvmTags(tags, id3);
    }

    /** The frames' first values under FFmpeg's names, dates merged, genre numbers named. */
    static Map<String, List<String>> named(Map<String, String> texts) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String value = e.getValue();
            if (e.getKey().equals("TCON") || e.getKey().equals("TCO")) {
                value = genreName(value);
            }
            named.put(NAMES.getOrDefault(e.getKey(), e.getKey()).toLowerCase(Locale.ROOT), value);
        }
        mergeDate(named);
        Map<String, List<String>> tags = new LinkedHashMap<>();
        named.forEach((k, v) -> tags.put(k, List.of(v)));
        return tags;
    }

    /** ID3v1's genre name for a value that starts with its number, as FFmpeg reads it; else the value. */
    static String genreName(String value) {
        Matcher m = GENRE_NUMBER.matcher(value);
        if (!m.find() || m.group(2).length() > 9) {
            return value;
        }
        int n = Integer.parseInt(m.group(2));
        if (m.group(1).equals("-") && n != 0) {
            return value; // FFmpeg reads it into an unsigned number: far beyond the table
        }
        String name = Id3v1Genres.name(n);
        return name == null ? value : name;
    }

    /** FFmpeg's merge_date: a four-digit TYER, with TDAT (DDMM) and TIME (HHMM) where they are four digits too. */
    private static void mergeDate(Map<String, String> named) {
        String year = dateField(named, "tyer", "tye");
        if (year == null) {
            return;
        }
        StringBuilder date = new StringBuilder(year);
        named.remove("tyer");
        named.remove("tye");
        String day = dateField(named, "tdat", "tda");
        if (day != null) {
            date.append('-').append(day, 2, 4).append('-').append(day, 0, 2);
            named.remove("tdat");
            named.remove("tda");
            String time = dateField(named, "time", "tim");
            if (time != null) {
                date.append(' ').append(time, 0, 2).append(':').append(time, 2, 4);
                named.remove("time");
                named.remove("tim");
            }
        }
        named.put("date", date.toString());
    }

    private static String dateField(Map<String, String> named, String key, String v22Key) {
        String value = named.containsKey(key) ? named.get(key) : named.get(v22Key);
        return value != null && FOUR_DIGITS.matcher(value).matches() ? value : null;
    }

    /** An ID3v1(.1) tag's fields as FFmpeg's id3v1.c sets them; nothing when the bytes are no such tag. */
    static void readId3v1(byte[] tag, Map<String, List<String>> into) {
        if (tag[0] != 'T' || tag[1] != 'A' || tag[2] != 'G') {
            return;
        }
        field(into, "title", tag, 3, 30);
        field(into, "artist", tag, 33, 30);
        field(into, "album", tag, 63, 30);
        field(into, "date", tag, 93, 4);
        field(into, "comment", tag, 97, 30);
        if (tag[125] == 0 && tag[126] != 0) { // ID3v1.1: the comment's last byte is the track
            into.put("track", List.of(Integer.toString(tag[126] & 0xFF)));
        }
        String genre = Id3v1Genres.name(tag[127] & 0xFF);
        if (genre != null) {
            into.put("genre", List.of(genre));
        }
    }

    /** Latin-1 up to the first NUL; set only when not empty. */
    private static void field(Map<String, List<String>> into, String key, byte[] tag, int at, int width) {
        int end = at;
        while (end < at + width && tag[end] != 0) {
            end++;
        }
        if (end > at) {
            into.put(key, List.of(new String(tag, at, end - at, StandardCharsets.ISO_8859_1)));
        }
    }

    /**
     * An MPEG audio frame header (ISO/IEC 11172-3 2.4.1.3, 13818-3): 11 sync bits, a version and a layer that
     * exist, a bitrate index other than 15 and a sampling frequency other than the reserved 3. ADTS (AAC, layer 0)
     * is not one.
     */
    static boolean isMpegAudioHeader(byte[] b) {
        int h = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        return (h >>> 21) == 0x7FF && ((h >>> 19) & 3) != 1 && ((h >>> 17) & 3) != 0 && ((h >>> 12) & 15) != 15
                && ((h >>> 10) & 3) != 3;
    }
}
