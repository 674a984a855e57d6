package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Vorbis comment block (FLAC's {@code VORBIS_COMMENT}; the comment header of Ogg Vorbis and Opus after its magic)
 * read into the dictionary FFmpeg's {@code ff_vorbis_comment} (libavformat/oggparsevorbis.c) makes of it, keys
 * lower-cased as {@code audio.ffmpeg.ContainerTags} hands them over.
 *
 * <p>Layout from the Vorbis I specification, section 5 ("comment header"): a little-endian 32-bit length and the
 * vendor string, a 32-bit count, then each comment as a 32-bit length and {@code KEY=value} bytes. FFmpeg's rules
 * followed: the vendor string is not a tag; a comment without {@code =}, or with an empty key or value, is dropped;
 * a value ends at its first NUL (a C string); the key is upper-cased (ASCII) and a key met again gets its value
 * appended after a {@code ;}; {@code METADATA_BLOCK_PICTURE} is a picture, never a tag; then
 * {@code ff_vorbiscomment_metadata_conv} renames {@code ALBUMARTIST}, {@code TRACKNUMBER}, {@code DISCNUMBER} and
 * {@code DESCRIPTION} to {@code album_artist}, {@code track}, {@code disc} and {@code comment}, keeping both entries
 * where a file has both spellings (so {@code album_artist} may hold two values, as ContainerTags would list them).
 * The dictionary's order is FFmpeg's too ({@link #set}: a key met again moves to the end), so the values come in
 * FFmpeg's order.
 *
 * <p>Declined (null, FFmpeg's to read): a block whose lengths do not add up exactly (FFmpeg reads as far as they do,
 * with a warning), a key with a byte outside the specification's {@code 0x20–0x7D} (FFmpeg compares keys as C
 * strings in ASCII case only), and keys FFmpeg turns into something else: {@code CHAPTERnnn…} (chapters) and
 * {@code WAVEFORMATEXTENSIBLE_CHANNEL_MASK} (FLAC's channel layout).
 */
final class VorbisComments {

    /** {@code ff_vorbiscomment_metadata_conv}: the specification's names and FFmpeg's generic ones. */
    private static final Map<String, String> GENERIC = Map.of("ALBUMARTIST", "album_artist", "TRACKNUMBER", "track",
            "DISCNUMBER", "disc", "DESCRIPTION", "comment");

    private VorbisComments() {}

    /** The tags of {@code block}, FFmpeg's keys lower-cased with one value each; null when declined (above). */
    static Map<String, List<String>> parse(byte[] block) {
        if (block.length < 8) {
            return null;
        }
        long vendor = Bytes.u32(block, 0, false);
        if (vendor > block.length - 8L) {
            return null;
        }
        int at = 4 + (int) vendor;
        long count = Bytes.u32(block, at, false);
        at += 4;
        List<String[]> entries = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (block.length - at < 4) {
                return null;
            }
            long size = Bytes.u32(block, at, false);
            at += 4;
            if (size > block.length - at) {
                return null;
            }
            int start = at;
            int end = at + (int) size;
            at = end;
            int equals = indexOf(block, start, end, (byte) '=');
            if (equals < 0 || equals == start || equals == end - 1) {
                continue; // FFmpeg's "tl && vl": no key, or no value
            }
            String key = key(block, start, equals);
            if (key == null || key.startsWith("CHAPTER") || key.equals("WAVEFORMATEXTENSIBLE_CHANNEL_MASK")) {
                return null;
            }
            if (key.equals("METADATA_BLOCK_PICTURE")) {
                continue;
            }
            int nul = indexOf(block, equals + 1, end, (byte) 0);
            String value = new String(block, equals + 1, (nul < 0 ? end : nul) - equals - 1, StandardCharsets.UTF_8);
            int existing = find(entries, key);
            if (existing >= 0) {
                set(entries, key, entries.get(existing)[1] + ";" + value);
            } else {
                set(entries, key, value);
            }
        }
        if (at != block.length) {
            return null;
        }
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (String[] e : entries) {
            String key = GENERIC.getOrDefault(e[0], e[0]).toLowerCase(Locale.ROOT);
            tags.computeIfAbsent(key, k -> new ArrayList<>()).add(e[1]);
        }
        return tags;
    }

    /** The key upper-cased; null when a byte lies outside 0x20–0x7D. */
    private static String key(byte[] b, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 || c > 0x7D) {
                return null;
            }
            chars[i - from] = (char) (c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        return new String(chars);
    }

    /**
     * {@code av_dict_set} without flags on a dictionary of {@code [key, value]}: an entry of the same key (ASCII
     * case ignored) is removed, the dictionary's last entry taking its place, and the new one goes at the end.
     */
    private static void set(List<String[]> entries, String key, String value) {
        int i = find(entries, key);
        if (i >= 0) {
            String[] last = entries.remove(entries.size() - 1);
            if (i < entries.size()) {
                entries.set(i, last);
            }
        }
        entries.add(new String[] {key, value});
    }

    private static int find(List<String[]> entries, String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i)[0].equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
