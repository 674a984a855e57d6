package io.genrelake.scoring;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.FeatureExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One audio file → its {@link Identification}, in this JVM with no Spark: the file is streamed one window at a time
 * (30-s windows cut as {@code extract} cuts them, {@link WindowPlan}), each window's features extracted and scored
 * by the {@link PortableScorer}, the windows' probabilities averaged and calibrated. A decoder bug sends the file,
 * from its start, to the decoders after the failing one, as {@code extract} does. One instance per thread: it
 * holds a {@link FeatureExtractor}.
 */
public final class TrackIdentifier {


    private final PortableScorer scorer;
    private final WindowPlan windows;
    private final FeatureExtractor extractor;
    private final AudioDecoders decoders;
    private final Function<Throwable, String> reasons;

    /**
     * @param reasons turns the exception that made a file unusable into its short reason (the CLI's, so an error
     *                row reads the same everywhere)
     */
    public TrackIdentifier(PortableScorer scorer, WindowPlan windows, Function<Throwable, String> reasons) {
        this.scorer = scorer;
        this.windows = windows;
        this.extractor = new FeatureExtractor(scorer.model().featureSet());
        this.decoders = AudioDecoders.standard();
        this.reasons = reasons;
    }

    /** The file's identification; {@code name} is how the answer names it. Never throws for a bad file. */
    public Identification identify(Path file, String name) {
        long start = System.nanoTime();
        try {
            List<double[]> probabilities = new ArrayList<>();
            List<WindowPlan.Window> cut = new ArrayList<>();
            windows(file, probabilities, cut);
            return answer(name, probabilities, cut, seconds(start));
        } catch (Exception | OutOfMemoryError e) {
            return Identification.failed(name, reasons.apply(e), seconds(start));
        }
    }

    private void windows(Path file, List<double[]> probabilities, List<WindowPlan.Window> cut) throws IOException {
        decoders.withFallback(file, with -> {
            probabilities.clear();
            cut.clear();
            read(file, with, probabilities, cut);
            return null;
        });
    }

    /** Reads window after window into one slot, so memory does not grow with the file. */
    private void read(Path file, AudioDecoders with, List<double[]> probabilities, List<WindowPlan.Window> cut)
            throws IOException {
        float[] slot = new float[windows.windowSamples()];
        long total = 0;
        try (MonoAudioSource source = AudioLoader.open(file, with)) {
            while (true) {
                int got = source.readFully(slot);
                total += got;
                int index = cut.size();
                if (got == slot.length || (got > 0 && windows.keepsPartial(index, got))) {
                    probabilities.add(scorer.windowProbabilities(extractor.extract(slot, 0, got).values()));
                    cut.add(windows.window(index, got));
                }
                if (got < slot.length) {
                    break;
                }
            }
        }
        if (cut.isEmpty()) {
            throw new AudioFormatException("too short: " + total + " samples, need at least " + FeatureExtractor.MIN_SAMPLES
                    + " (one analysis frame)");
        }
    }

    private Identification answer(String name, List<double[]> probabilities, List<WindowPlan.Window> cut,
            double seconds) {
        List<String> genres = scorer.model().genres();
        double[] track = scorer.trackProbabilities(probabilities);
        List<Identification.GenreShare> ranked = new ArrayList<>();
        for (int k = 0; k < track.length; k++) {
            ranked.add(new Identification.GenreShare(genres.get(k), track[k]));
        }
        ranked.sort(Comparator.comparingDouble(Identification.GenreShare::probability).reversed());
        List<Identification.WindowGenre> timeline = new ArrayList<>();
        for (int w = 0; w < cut.size(); w++) {
            double[] p = probabilities.get(w);
            int best = argmax(p);
            WindowPlan.Window window = cut.get(w);
            timeline.add(new Identification.WindowGenre(window.index(), window.startSeconds(), window.endSeconds(),
                    genres.get(best), p[best]));
        }
        Identification.GenreShare top = ranked.get(0);
        String status = scorer.uncertain(top.probability()) ? Identification.UNCERTAIN : Identification.OK;
        return new Identification(name, status, top.genre(), top.probability(),
                List.copyOf(ranked.subList(0, Math.min(Identification.TOP, ranked.size()))), timeline, null, seconds);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
