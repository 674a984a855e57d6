package io.genrelake.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genrelake.catalogue.Listing;
import io.genrelake.catalogue.WindowChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of an extract run, for people (printed) and for schedulers and scripts
 * ({@code _summary.json} inside the table).
 *
 * @param output               the table's location
 * @param startedAt            when the run started (ISO-8601, UTC)
 * @param wallSeconds          from the start of listing to the written and counted table (the swap into place
 *                             and Spark's start-up are not included)
 * @param extractorVersion     the feature extractor's version
 * @param windowSeconds        the window length asked for
 * @param minLastWindowSeconds the minimum final window asked for
 * @param partitions           the number of extraction tasks
 * @param filesListed          audio files found by the listing
 * @param filesSkipped         files passed over (no audio extension, or hidden)
 * @param inputProblems        inputs that gave nothing or could not be read whole
 * @param counts               what the table holds
 * @param tasks                where the tasks' time went ({@link TaskTimes}), and their decoder fallbacks
 * @param tags                 what the table's tags hold ({@link TagCounts}, genres through the default map)
 */
public record ExtractSummary(String output, String startedAt, double wallSeconds, String extractorVersion,
        double windowSeconds, double minLastWindowSeconds, int partitions, long filesListed, long filesSkipped,
        List<Listing.Problem> inputProblems, TableCounts counts, TaskTimes tasks, TagCounts tags) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ExtractSummary {
        inputProblems = List.copyOf(inputProblems);
    }

    public long filesOk() {
        return counts.filesOk();
    }

    public long filesError() {
        return counts.filesError();
    }

    /** Windows (clips) with features. */
    public long windowsOk() {
        return counts.windowsOk();
    }

    public long kaggleRows() {
        return counts.kaggleRows();
    }

    public Map<String, Long> errorsByReason() {
        return counts.errorsByKind();
    }

    public double hoursOfAudio() {
        return counts.audioSeconds() / 3600;
    }

    /** Windows with features per minute of wall time. */
    public double clipsPerMinute() {
        return wallSeconds > 0 ? counts.windowsOk() / (wallSeconds / 60) : 0;
    }

    /** The part of the tasks' time spent decoding and resampling rather than computing features. */
    public double decodeShare() {
        return tasks.decodeShare();
    }

    /** The part of the tasks' time (decoding, features, tags) spent reading tags. */
    public double tagShare() {
        return tasks.tagShare();
    }

    /** The summary as {@code _summary.json}: flat names in snake case, numbers as numbers. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", output);
        m.put("started_at", startedAt);
        m.put("wall_seconds", round(wallSeconds, 3));
        m.put("extractor_version", extractorVersion);
        m.put("window_seconds", windowSeconds);
        m.put("min_last_window_seconds", minLastWindowSeconds);
        m.put("partitions", partitions);
        m.put("files_listed", filesListed);
        m.put("files_ok", filesOk());
        m.put("files_error", filesError());
        m.put("files_skipped", filesSkipped);
        m.put("windows_ok", windowsOk());
        m.put("kaggle_rows", kaggleRows());
        m.put("hours_of_audio", round(hoursOfAudio(), 4));
        m.put("clips_per_minute", round(clipsPerMinute(), 1));
        m.put("errors_by_reason", errorsByReason());
        m.put("decoder_fallbacks", tasks.decoderFallbacks());
        List<Map<String, String>> problems = new ArrayList<>();
        for (Listing.Problem p : inputProblems) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("input", p.input());
            entry.put("reason", p.reason());
            problems.add(entry);
        }
        m.put("input_problems", problems);
        m.put("decode_seconds", round(tasks.decodeSeconds(), 3));
        m.put("feature_seconds", round(tasks.featureSeconds(), 3));
        m.put("decode_share", round(decodeShare(), 4));
        m.put("tag_seconds", round(tasks.tagSeconds(), 3));
        m.put("tag_share", round(tagShare(), 4));
        m.put("ffmpeg_starts", tasks.ffmpegStarts());
        m.put("ffmpeg_start_seconds", round(tasks.ffmpegStartSeconds(), 3));
        m.put("tags", tags.toJson());
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    /** The summary for a terminal. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "extract: %d files listed, %d ok, %d with errors, %d skipped%n",
                filesListed, filesOk(), filesError(), filesSkipped));
        s.append(String.format(Locale.ROOT, "  %d windows of %s s (%.2f hours of audio)%s%n", windowsOk(),
                WindowChoice.format(windowSeconds), hoursOfAudio(), kaggleRows() > 0 ? ", " + kaggleRows() + " Kaggle rows" : ""));
        for (Map.Entry<String, Long> e : errorsByReason().entrySet()) {
            s.append(String.format(Locale.ROOT, "  error %-20s %d%n", e.getKey(), e.getValue()));
        }
        if (tasks.decoderFallbacks() > 0) {
            s.append(String.format(Locale.ROOT, "  %d files decoded again by FFmpeg after a decoder bug (WARN in the log)%n",
                    tasks.decoderFallbacks()));
        }
        if (tags.filesTagged() > 0 || !tags.warnings().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  tags: %d files tagged, %d with a genre (%s); reading them %.2f%% of "
                    + "task time%n", tags.filesTagged(), tags.filesWithGenre(), tags.genres(), 100 * tagShare()));
            for (Map.Entry<String, Long> e : tags.warnings().entrySet()) {
                s.append(String.format(Locale.ROOT, "  tag warning %-20s %d%n", e.getKey(), e.getValue()));
            }
            if (!tags.unmapped().isEmpty()) {
                s.append("  genre values conf/tag-genres.csv does not map: ").append(tags.unmapped()).append('\n');
            }
        }
        for (Listing.Problem p : inputProblems) {
            s.append("  input ").append(p.input()).append(": ").append(p.reason()).append('\n');
        }
        s.append(String.format(Locale.ROOT,
                "  %.1f s wall, %.1f clips per minute, %d partitions; decoding %.0f%% of task time%n",
                wallSeconds, clipsPerMinute(), partitions, 100 * decodeShare()));
        if (tasks.ffmpegStarts() > 0) {
            s.append(String.format(Locale.ROOT, "  starting FFmpeg: %.1f s in %d task thread%s (once per thread that met "
                    + "a format FFmpeg reads; not counted in the shares above)%n", tasks.ffmpegStartSeconds(),
                    tasks.ffmpegStarts(), tasks.ffmpegStarts() == 1 ? "" : "s"));
        }
        s.append("  table: ").append(output).append("  (summary: _summary.json inside it)\n");
        return s.toString();
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
