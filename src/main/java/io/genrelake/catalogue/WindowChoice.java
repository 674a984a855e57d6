package io.genrelake.catalogue;

import java.util.Locale;

/**
 * The window length a scoring run ({@code classify}, {@code nightly}, {@code identify}, {@code serve}) cuts audio
 * into: the one asked for ({@code --window-seconds}), else the one the model was trained on (its card's
 * {@code window_seconds}), else {@link WindowPlan#DEFAULT_WINDOW_SECONDS}. A model's features are statistics over
 * windows of its training length (a variance over 3 s is not one over 30 s), so another length is allowed, for a
 * user who knows why, but warned about.
 *
 * @param seconds the window length to cut
 * @param trained the model's training window length, or null when its card records none
 * @param asked   whether {@code --window-seconds} chose it
 * @param warning why the choice may cost accuracy, or null
 */
public record WindowChoice(double seconds, Double trained, boolean asked, String warning) {

    /** The choice for {@code asked} (null: not given) and a model trained on windows of {@code trained} (or null). */
    public static WindowChoice of(Double asked, Double trained) {
        if (asked == null) {
            return new WindowChoice(trained != null ? trained : WindowPlan.DEFAULT_WINDOW_SECONDS, trained, false,
                    null);
        }
        if (trained != null && !sameCut(asked, trained)) {
            return new WindowChoice(asked, trained, true, "--window-seconds " + format(asked) + " differs from the "
                    + format(trained) + "-s windows the model was trained on: its features are statistics over "
                    + "windows of that length, so expect lower accuracy (leave --window-seconds out to use the "
                    + "model's)");
        }
        return new WindowChoice(asked, trained, true, null);
    }

    /**
     * Why scoring the stored table {@code uri}, cut into windows of {@code table} seconds, with a model trained on
     * windows of {@code trained} may cost accuracy; null when either is unknown or they cut the same.
     */
    public static String tableMismatch(String uri, Double table, Double trained) {
        if (table == null || trained == null || sameCut(table, trained)) {
            return null;
        }
        return uri + " was cut into windows of " + format(table) + " s and the model was trained on windows of "
                + format(trained) + " s: its features are statistics over windows of that length, so expect lower "
                + "accuracy (extract the audio again with --window-seconds " + format(trained) + ")";
    }

    /** For the log: e.g. {@code windows of 3 s (the model's)}. */
    public String describe() {
        String whose = asked ? "asked for" : trained != null ? "the model's" : "the default; the model records none";
        return "windows of " + format(seconds) + " s (" + whose + ")";
    }

    /** Where the length came from, for a message: {@code --window-seconds}, the model's training windows, or 30 s. */
    public String origin() {
        return asked ? "--window-seconds" : trained != null ? "the model's training windows"
                : "the default (the model records none)";
    }

    /** Lengths at most a sample apart cut the same windows (Kaggle's 3-s segments are 66149 samples, not 66150). */
    private static boolean sameCut(double a, double b) {
        return Math.abs(a - b) * WindowPlan.SAMPLE_RATE <= 1.5;
    }

    /** Seconds without a trailing {@code .0}, at most 4 decimals. */
    public static String format(double seconds) {
        String s = String.format(Locale.ROOT, "%.4f", seconds).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
