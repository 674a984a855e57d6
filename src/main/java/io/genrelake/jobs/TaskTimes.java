package io.genrelake.jobs;

/**
 * Where the extraction tasks' time went, summed over every task (a retried task counts its files again).
 *
 * @param decodeSeconds      opening, reading, decoding, mixing and resampling
 * @param featureSeconds     computing features
 * @param tagSeconds         reading tags
 * @param ffmpegStarts       FFmpeg's start-ups: a process per task thread that met a file needing FFmpeg (with
 *                           {@code genrelake.ffmpeg.isolation=none}, its natives' load, once per executor)
 * @param ffmpegStartSeconds what they took: a fixed cost, kept out of the three above
 * @param decoderFallbacks   files decoded again from their start by a later decoder (FFmpeg) after a decoder bug
 */
public record TaskTimes(double decodeSeconds, double featureSeconds, double tagSeconds, long ffmpegStarts,
        double ffmpegStartSeconds, long decoderFallbacks) {

    /** No task ran. */
    public static final TaskTimes NONE = new TaskTimes(0, 0, 0, 0, 0, 0);

    /** The part of decoding and features spent decoding. */
    public double decodeShare() {
        double total = decodeSeconds + featureSeconds;
        return total > 0 ? decodeSeconds / total : 0;
    }

    /** The part of decoding, features and tags spent reading tags. */
    public double tagShare() {
        double total = decodeSeconds + featureSeconds + tagSeconds;
        return total > 0 ? tagSeconds / total : 0;
    }
}
