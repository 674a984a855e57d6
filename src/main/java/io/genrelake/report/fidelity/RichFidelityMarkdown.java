package io.genrelake.report.fidelity;

import java.util.Comparator;
import java.util.List;

/** Renders the rich set's fidelity ({@link RichFidelityCheck}) as the last section of docs/fidelity.md. */
public final class RichFidelityMarkdown {

    private RichFidelityMarkdown() {}

    /** Columns listed one by one: the worst ones (the rest are below the last shown). */
    static final int LISTED = 15;

    /** Where the rich set knowingly departs from librosa's arithmetic or behaviour. */
    static final String DEVIATIONS = """

            Where we differ from librosa, knowingly:

            - **Sums in double.** numpy sums float32 arrays in float32 (the frame means of contrast's quantiles, \
            flatness's logarithms and powers, the texture blocks' MFCC means); we sum in double and round where librosa \
            rounds its result. The largest effect is flatness's mean logarithm over 1025 bins (about 1e-6 relative per \
            frame); the columns above show what is left after the frame means.
            - **Flatness's geometric mean** is one product per frame with its binary exponent moved out every 16 \
            factors, then one logarithm (within 1e-13 of the sum of logarithms), instead of a float32 logarithm per bin.
            - **Signals of fewer than 9 frames** (under 0.19 s): librosa's `delta(width=9, mode='interp')` refuses them; \
            every frame's delta is then the slope of the least-squares line through all frames.
            - **onset_detect's peak picking** repeats numba's float32 running mean and the float64 threshold \
            `mean + 0.07` exactly, so `onset_rate` is identical on every clip here.
            """;

    public static String render(List<RichFidelityCheck.Column> columns) {
        StringBuilder md = new StringBuilder();
        double worst = columns.stream().mapToDouble(RichFidelityCheck.Column::maxError).max().orElse(0);
        long missed = columns.stream().filter(c -> !(c.maxError() <= RichFidelityCheck.MAX_ERROR)).count();
        md.append("\n## Rich set (`").append(RichFidelityCheck.TABLE).append("`)\n\n");
        md.append("The 241 columns `--feature-set rich` adds to the 57 (docs/feature-table.md), computed from the 8 GTZAN "
                + "clips and `golden/clips/synth_mix/input.wav` through our decoder, against librosa 0.10.2.post1. "
                + "Error = |ours − librosa| / max(|librosa|, ").append(FidelityMarkdown.fmt(RichFidelityCheck.FLOOR))
                .append("): relative, and absolute for values within ")
                .append(FidelityMarkdown.fmt(RichFidelityCheck.FLOOR))
                .append(" of zero (the means of `mfcc_delta*` and some `tonnetz*` sit there, where a relative error "
                        + "measures float32 noise). Target: ≤ ").append(FidelityMarkdown.fmt(RichFidelityCheck.MAX_ERROR))
                .append(" for every column and clip. Largest error: ").append(FidelityMarkdown.fmt(worst))
                .append("; ").append(missed == 0 ? "target met" : "**" + missed + " column(s) missed**")
                .append(". The ").append(LISTED).append(" columns with the largest errors:\n\n");
        md.append("| column | max error | worst clip | ours | librosa |\n|---|---:|---|---:|---:|\n");
        columns.stream().sorted(Comparator.comparingDouble(RichFidelityCheck.Column::maxError).reversed())
                .limit(LISTED).forEach(c -> md.append("| ").append(c.name()).append(" | ")
                        .append(FidelityMarkdown.fmt(c.maxError())).append(" | ").append(c.worstClip()).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.6g | %.6g |%n", c.ours(), c.reference())));
        md.append(DEVIATIONS);
        return md.toString();
    }
}
