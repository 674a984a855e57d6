package io.genrelake.tags;

import java.util.List;
import java.util.Map;

/**
 * A file's tags as read in this JVM ({@link Mp3Tags}, {@link WavTags}, {@link AiffTags}, {@link AuTags}), in the
 * form FFmpeg's demuxer would have handed them over.
 *
 * @param tags FFmpeg's keys (lower case) with one value each
 * @param id3  the ID3v2 frames of the file's tag, for what FFmpeg's dictionary drops (every genre value, the
 *             MusicBrainz UFID); {@link Id3v2Frames#NONE} when it has none
 */
public record JvmTags(Map<String, List<String>> tags, Id3v2Frames id3) {}
