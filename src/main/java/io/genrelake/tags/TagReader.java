package io.genrelake.tags;

import io.genrelake.audio.ffmpeg.ContainerTags;
import io.genrelake.audio.ffmpeg.FfmpegUnavailableException;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file's tags ({@link TrackTags}) from the stream it is about to be decoded from, then puts the stream back
 * at its start for the decoder. No extra pass over the audio and no local copy. A plain MP3's, WAV's, AIFF's, AU's or
 * FLAC's tags are read in this JVM ({@link Mp3Tags}, {@link WavTags}, {@link AiffTags}, {@link AuTags},
 * {@link FlacTags}, with FFmpeg's keys and values); every other file's by FFmpeg's demuxer, which parses the
 * container's header (and, the stream being seekable, its trailing tags) through {@link ContainerTags}. Where the file starts with an ID3v2 tag, or a WAV or
 * AIFF file holds one in its ID3 chunk ({@link Id3Chunk}), {@link Id3v2Frames} reads what FFmpeg drops: every value
 * of the genre frames (used when they hold more than FFmpeg's) and the MusicBrainz UFID (used when FFmpeg gave no
 * recording id).
 *
 * <p>Never throws for a bad tag: a value that is malformed (a year that is no number, an id that is no MusicBrainz
 * id) or oversized is left empty with a warning, and tags FFmpeg cannot open at all are an empty {@link TrackTags}
 * with the reason; whether the audio decodes is the decoder's verdict alone.
 */
public final class TagReader {

    /** Longer values are no text a person typed (an embedded blob, a broken length field): left empty. */
    public static final int MAX_VALUE_CHARS = 1024;

    private static final Pattern YEAR = Pattern.compile("^\\s*(\\d{4})(?:\\D.*)?$");
    private static final Pattern TRACK = Pattern.compile("^\\s*(\\d{1,6})\\s*(?:/\\s*\\d*\\s*)?$");
    private static final Pattern MBID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** FFmpeg's keys for the recording id: Vorbis (Picard) and ID3 TXXX. */
    private static final List<String> RECORDING_KEYS = List.of("musicbrainz_trackid", "musicbrainz track id");

    private TagReader() {}

    /**
     * The tags of the file {@code in} reads from its start; {@code in} is back at its start afterwards.
     *
     * @throws IOException only when the stream cannot be put back at its start (the decoder could not read it either),
     *     or the FFmpeg process cannot be started ({@link FfmpegUnavailableException})
     */
    public static TrackTags read(SeekableInputStream in) throws IOException {
        JvmTags here = readInJvm(in);
        in.input().seek(0);
        if (here != null) {
            return of(withId3v2(here.tags(), here.id3()), here.id3().warnings());
        }
        return readWithFfmpeg(in);
    }

    /**
     * A plain MP3's, WAV's, AIFF's, AU's or FLAC's tags read in this JVM, or null: another file, or one whose stream
     * failed (FFmpeg reads it then).
     */
    private static JvmTags readInJvm(SeekableInputStream in) {
        try {
            long length = in.input().length();
            if (length < 0) {
                return null;
            }
            JvmTags tags = Mp3Tags.read(in, length);
            if (tags == null) {
                tags = WavTags.read(in, length);
            }
            if (tags == null) {
                tags = AiffTags.read(in, length);
            }
            if (tags == null) {
                tags = AuTags.read(in, length);
            }
            return tags != null ? tags : FlacTags.read(in, length);
        } catch (IOException | RuntimeException e) {
            return null; // FFmpeg's reading says what is wrong with the file, as before
        }
    }

    /** {@link #read} by FFmpeg's demuxer, whatever the container (the only way before {@link Mp3Tags}). */
    static TrackTags readWithFfmpeg(SeekableInputStream in) throws IOException {
        Map<String, List<String>> raw;
        try {
            raw = ContainerTags.read(in);
        } catch (IOException | RuntimeException e) {
            if (FfmpegUnavailableException.causes(e)) {
                throw e; // the installation's fault, not the file's: no row should say so
            }
            in.input().seek(0);
            return TrackTags.unreadable(String.valueOf(e.getMessage()));
        }
        in.input().seek(0);
        Id3v2Frames id3;
        try {
            long length = in.input().length();
            id3 = Id3v2Frames.read(in, length);
            Id3Chunk chunk = id3 == Id3v2Frames.NONE && length > 0 ? Id3Chunk.locate(in, length) : null;
            if (chunk != null) { // WAV and AIFF keep theirs in a chunk
                in.input().seek(chunk.offset());
                id3 = Id3v2Frames.read(in, chunk.size());
            }
        } catch (IOException | RuntimeException e) {
            id3 = Id3v2Frames.refused(List.of("ID3v2 tag unreadable: " + e.getMessage()));
        }
        in.input().seek(0);
        return of(withId3v2(raw, id3), id3.warnings());
    }

    /** FFmpeg's values, with the ID3v2 genres where there are more of them and the UFID where no recording id came. */
    static Map<String, List<String>> withId3v2(Map<String, List<String>> raw, Id3v2Frames id3) {
        Map<String, List<String>> merged = new LinkedHashMap<>(raw);
        if (id3.genres().size() > raw.getOrDefault("genre", List.of()).size()) {
            merged.put("genre", id3.genres());
        }
        if (id3.musicBrainzRecordingId() != null && RECORDING_KEYS.stream().noneMatch(raw::containsKey)) {
            merged.put(RECORDING_KEYS.get(0), List.of(id3.musicBrainzRecordingId()));
        }
        return merged;
    }

    /** The tags in FFmpeg's generic keys (lower case), with warnings for what was left empty. */
    public static TrackTags of(Map<String, List<String>> raw) {
        return of(raw, List.of());
    }

    private static TrackTags of(Map<String, List<String>> raw, List<String> readWarnings) {
        List<String> warnings = new ArrayList<>(readWarnings);
        String title = text(raw, warnings, "title");
        String artist = text(raw, warnings, "artist", "author"); // author: AIFF's AUTH chunk, as FFmpeg names it
        String albumArtist = text(raw, warnings, "album_artist", "albumartist", "album artist");
        String album = text(raw, warnings, "album");
        List<String> genres = new ArrayList<>();
        for (String value : raw.getOrDefault("genre", List.of())) {
            if (value.length() > MAX_VALUE_CHARS) {
                warnings.add("genre oversized (" + value.length() + " characters)");
            } else if (!value.isBlank()) {
                genres.add(value.strip());
            }
        }
        Integer year = number(raw, warnings, YEAR, "year", "date", "year", "originaldate");
        Integer track = number(raw, warnings, TRACK, "track", "track", "tracknumber");
        String recording = mbid(raw, warnings, "musicbrainz recording id", RECORDING_KEYS.toArray(new String[0]));
        String release = mbid(raw, warnings, "musicbrainz release id", "musicbrainz_albumid", "musicbrainz album id");
        String mbArtist = mbid(raw, warnings, "musicbrainz artist id", "musicbrainz_artistid", "musicbrainz artist id");
        return new TrackTags(title, artist, albumArtist, album, genres, year, track, recording, release, mbArtist,
                warnings);
    }

    /** The first value under one of the keys, trimmed; null when blank or oversized (with a warning). */
    private static String text(Map<String, List<String>> raw, List<String> warnings, String... keys) {
        for (String key : keys) {
            for (String value : raw.getOrDefault(key, List.of())) {
                if (value.length() > MAX_VALUE_CHARS) {
                    warnings.add(keys[0] + " oversized (" + value.length() + " characters)");
                    return null;
                }
                String v = value.replace('\0', ' ').strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static Integer number(Map<String, List<String>> raw, List<String> warnings, Pattern pattern, String field,
            String... keys) {
        String value = text(raw, warnings, keys);
        if (value == null) {
            return null;
        }
        Matcher m = pattern.matcher(value);
        if (!m.matches()) {
            warnings.add(field + " malformed ('" + shorten(value) + "')");
            return null;
        }
        return Integer.parseInt(m.group(1));
    }

    /** One or more MusicBrainz ids (an artist id may list several, separated by '/' or ';'). */
    private static String mbid(Map<String, List<String>> raw, List<String> warnings, String field, String... keys) {
        String value = text(raw, warnings, keys);
        if (value == null) {
            return null;
        }
        for (String id : value.split("[/;\\s]+")) {
            if (!MBID.matcher(id).matches()) {
                warnings.add(field + " malformed ('" + shorten(value) + "')");
                return null;
            }
        }
        return value;
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
