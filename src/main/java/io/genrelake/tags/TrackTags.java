package io.genrelake.tags;

import java.io.Serializable;
import java.util.List;

/**
 * What a file's tags say about it, as read ({@link TagReader}): the text fields trimmed, empty ones null; genre
 * values as the container holds them (several when it has several), not yet normalised ({@link GenreNormaliser}).
 *
 * @param title           title (ID3 TIT2, Vorbis TITLE, MP4 ©nam, RIFF INAM)
 * @param artist          artist (TPE1, ARTIST, ©ART, IART)
 * @param albumArtist     album artist (TPE2, ALBUMARTIST, aART)
 * @param album           album (TALB, ALBUM, ©alb, IPRD)
 * @param genres          genre values (TCON, GENRE, ©gen/gnre, IGNR), possibly empty
 * @param year            the year of the date tag (TYER/TDRC, DATE, ©day, ICRD), or null
 * @param trackNumber     the track number (TRCK, TRACKNUMBER, trkn, IPRT; "3/12" is 3), or null
 * @param mbRecordingId   MusicBrainz recording id, or null
 * @param mbReleaseId     MusicBrainz release (album) id, or null
 * @param mbArtistId      MusicBrainz artist id(s), or null
 * @param warnings        why a value was left empty (malformed, oversized) or the tags could not be read; empty when fine
 */
public record TrackTags(String title, String artist, String albumArtist, String album, List<String> genres,
        Integer year, Integer trackNumber, String mbRecordingId, String mbReleaseId, String mbArtistId,
        List<String> warnings) implements Serializable {

    /** No tags at all. */
    public static final TrackTags NONE = new TrackTags(null, null, null, null, List.of(), null, null, null, null, null,
            List.of());

    public TrackTags {
        genres = List.copyOf(genres);
        warnings = List.copyOf(warnings);
    }

    /** Tags that could not be read: every value empty, the reason as the one warning. */
    public static TrackTags unreadable(String reason) {
        return new TrackTags(null, null, null, null, List.of(), null, null, null, null, null,
                List.of("tags unreadable: " + reason));
    }

    /** The warnings as one text for the feature table's {@code tag_warning} column, or null. */
    public String warningText() {
        return warnings.isEmpty() ? null : String.join("; ", warnings);
    }
}
