package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * A file's container metadata as FFmpeg's demuxer reads it while opening the container: ID3v1 and ID3v2.2–2.4
 * (MP3, and the ID3 chunks of WAV and AIFF), Vorbis comments (FLAC, Ogg, Opus), MP4 atoms (M4A/AAC) and RIFF INFO
 * (WAV), every one turned into FFmpeg's generic keys ({@code title}, {@code artist}, {@code album_artist},
 * {@code album}, {@code genre}, {@code date}, {@code track}, free-form keys such as {@code MusicBrainz Album Id}).
 *
 * <p>Why FFmpeg and not jaudiotagger (measured in ../shared/reference/dependencies_measured.md): FFmpeg is already
 * here, reads every container above from an {@link java.io.InputStream} through our {@link AvioInput} (so from the
 * Hadoop stream the file is decoded from, on HDFS and S3 alike), and only opens the container: its demuxers read
 * the header and, on a seekable input, jump to the few bytes of trailing tags (ID3v1's last 128 bytes, WAV chunks
 * after the data). jaudiotagger would add a dependency whose main API wants a local {@code java.io.File}, i.e. a
 * copy of each file. The price: FFmpeg keeps only the first value of a multi-valued ID3v2.4 text frame and of
 * repeated ID3v2 frames (Vorbis comments keep all, joined by ';'; {@code io.genrelake.tags.Id3v2Frames} reads those of a
 * leading ID3v2 tag), and it already turns ID3's numeric genres
 * ({@code 17}, {@code (17)}) into names; {@code io.genrelake.tags.GenreNormaliser} splits and maps what comes.
 *
 * <p>No {@code avformat_find_stream_info}: no packet is decoded, only the header is parsed.
 */
public final class ContainerTags {

    private ContainerTags() {}

    /**
     * The metadata of the container that starts at {@code in}'s position: keys lower-cased, each with its values in
     * the order FFmpeg gives them (the container's, then its audio streams', where Ogg keeps Vorbis comments).
     * Leaves {@code in} wherever FFmpeg stopped; the caller seeks back. Read in the FFmpeg process unless
     * {@link FfmpegIsolation} says none.
     *
     * @throws IOException when FFmpeg cannot open the container (or the stream fails, or the FFmpeg process crashes
     *     on it: an {@link io.genrelake.audio.AudioFormatException} saying so); the natives' absence is an
     *     {@link io.genrelake.audio.UnsupportedAudioException}
     */
    public static Map<String, List<String>> read(SeekableInputStream in) throws IOException {
        return FfmpegIsolation.isolated() ? FfmpegProcesses.get().readTags(in) : readHere(in);
    }

    /** {@link #read} in this JVM: what the FFmpeg process runs, and what {@link FfmpegIsolation} none means. */
    static Map<String, List<String>> readHere(SeekableInputStream in) throws IOException {
        FfmpegLibrary.load();
        try (AvioInput input = AvioInput.open(in)) {
            AVFormatContext format = avformat.avformat_alloc_context();
            if (format == null || format.isNull()) {
                throw new IOException("FFmpeg: out of memory allocating a format context");
            }
            format.pb(input.context());
            int r = avformat.avformat_open_input(format, (String) null, null, null);
            if (r < 0) { // avformat_open_input frees the context when it fails
                AudioDemuxer.rethrowInputFailure(input);
                throw new AudioFormatException("FFmpeg cannot open the container: " + FfmpegLibrary.describe(r));
            }
            try {
                Map<String, List<String>> tags = new LinkedHashMap<>();
                collect(format.metadata(), tags);
                for (int i = 0; i < format.nb_streams(); i++) {
                    if (format.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                        collect(format.streams(i).metadata(), tags);
                    }
                }
                AudioDemuxer.rethrowInputFailure(input);
                return tags;
            } finally {
                avformat.avformat_close_input(format);
            }
        }
    }

    private static void collect(AVDictionary dictionary, Map<String, List<String>> into) {
        if (dictionary == null || dictionary.isNull()) {
            return;
        }
        AVDictionaryEntry entry = null;
        while (true) {
            entry = avutil.av_dict_get(dictionary, "", entry, avutil.AV_DICT_IGNORE_SUFFIX);
            if (entry == null || entry.isNull()) {
                return;
            }
            String key = new String(entry.key().getStringBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            String value = new String(entry.value().getStringBytes(), StandardCharsets.UTF_8);
            into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }
}
