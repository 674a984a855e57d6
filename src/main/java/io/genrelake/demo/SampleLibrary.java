package io.genrelake.demo;

import io.genrelake.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo and test library in {@code data-sample/}: four synthetic "genres" whose differences the
 * GTZAN features can see — sustained harmonic pads with no beat (ambient), four-on-the-floor kick and
 * hi-hats at 128 BPM (techno), a swung ride and walking bass at 140 BPM (swing), distorted power chords
 * over a 100-BPM backbeat (rock) — in {@value #CLIPS_PER_GENRE} clips of {@value #SECONDS} s each,
 * deterministic (fixed seeds). Three clips per genre are 22050-Hz mono 16-bit WAV; the fourth is 16-kHz
 * stereo, so the demo also exercises channel mixing and resampling.
 */
public final class SampleLibrary {

    public static final String[] GENRES = {"ambient", "rock", "swing", "techno"};
    public static final int CLIPS_PER_GENRE = 4;
    public static final int SECONDS = 6;

    private SampleLibrary() {}

    /** Writes the library under {@code dir}/&lt;genre&gt;/&lt;genre&gt;.0000k.wav; returns the files. */
    public static List<Path> write(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int g = 0; g < GENRES.length; g++) {
            Path folder = dir.resolve(GENRES[g]);
            Files.createDirectories(folder);
            for (int k = 0; k < CLIPS_PER_GENRE; k++) {
                boolean stereo = k == CLIPS_PER_GENRE - 1;
                int rate = stereo ? 16000 : 22050;
                long seed = 1000L * g + k;
                float[] left = render(GENRES[g], rate, seed);
                Path file = folder.resolve(String.format("%s.%05d.wav", GENRES[g], k));
                if (stereo) {
                    float[] right = render(GENRES[g], rate, seed + 500);
                    float[] interleaved = new float[2 * left.length];
                    for (int i = 0; i < left.length; i++) {
                        interleaved[2 * i] = left[i];
                        interleaved[2 * i + 1] = 0.8f * left[i] + 0.2f * right[i];
                    }
                    WavWriter.writePcm16(file, interleaved, 2, rate);
                } else {
                    WavWriter.writePcm16(file, left, rate);
                }
                files.add(file);
            }
        }
        return files;
    }

    /** One clip of a genre. */
    static float[] render(String genre, int rate, long seed) {
        Synth s = new Synth(SECONDS * rate, rate, seed);
        int root = 45 + (int) (s.uniform() * 7); // A2 .. D#3
        switch (genre) {
            case "ambient" -> ambient(s, root);
            case "techno" -> techno(s, root);
            case "swing" -> swing(s, root);
            case "rock" -> rock(s, root);
            default -> throw new IllegalArgumentException("unknown genre " + genre);
        }
        s.normalise(0.8);
        return s.samples();
    }

    private static void ambient(Synth s, int root) {
        double[] pad = {1.0, 0.5, 0.3, 0.2, 0.1};
        int[][] chords = {{0, 4, 7, 11}, {5, 9, 12, 16}, {2, 5, 9, 12}};
        double t = 0;
        for (int c = 0; t < SECONDS; c++) {
            double len = 2.5 + s.uniform();
            for (int interval : chords[c % chords.length]) {
                s.tone(t, len + 1.0, Synth.midiToHz(root + 12 + interval) * (1 + 0.002 * (s.uniform() - 0.5)),
                        0.25, pad, 0.8, 0.8);
            }
            t += len;
        }
    }

    private static void techno(Synth s, int root) {
        double beat = 60.0 / 128;
        double[] bass = {1.0, 0.6, 0.4, 0.3, 0.2, 0.1};
        for (double t = 0; t < SECONDS; t += beat) {
            s.kick(t, 1.0);
            s.hat(t + beat / 2, 0.35, 60);
            s.tone(t + beat / 2, beat / 2 * 0.9, Synth.midiToHz(root), 0.3, bass, 0.005, 0.05);
        }
    }

    private static void swing(Synth s, int root) {
        double beat = 60.0 / 140;
        double[] walking = {1.0, 0.4, 0.15};
        double[] piano = {1.0, 0.5, 0.25, 0.12, 0.06};
        int[] steps = {0, 2, 4, 5, 7, 9, 7, 5};
        int i = 0;
        for (double t = 0; t < SECONDS; t += beat, i++) {
            s.tone(t, beat * 0.95, Synth.midiToHz(root - 12 + steps[i % steps.length]), 0.5, walking, 0.01, 0.08);
            s.hat(t, 0.3, 12); // the ride: longer decay
            s.hat(t + beat * 2 / 3, 0.2, 14); // the swung eighth
            if (i % 2 == 1) {
                for (int interval : new int[] {4, 10, 14}) {
                    s.tone(t + beat * 2 / 3, 0.3, Synth.midiToHz(root + 12 + interval), 0.12, piano, 0.005, 0.1);
                }
            }
        }
    }

    private static void rock(Synth s, int root) {
        double beat = 60.0 / 100;
        double[] guitar = {1.0, 0.7, 0.5, 0.35, 0.25, 0.2, 0.15, 0.1};
        int[] progression = {0, 0, 5, 3};
        int bar = 0;
        for (double t = 0; t < SECONDS; t += 4 * beat, bar++) {
            int chordRoot = root + 12 + progression[bar % progression.length];
            for (int interval : new int[] {0, 7, 12}) {
                for (int e = 0; e < 8; e++) {
                    s.tone(t + e * beat / 2, beat / 2 * 0.95, Synth.midiToHz(chordRoot + interval), 0.18, guitar, 0.003, 0.03);
                }
            }
        }
        s.saturate(4.0);
        for (double t = 0; t < SECONDS; t += beat) {
            int n = (int) Math.round(t / beat);
            if (n % 2 == 0) {
                s.kick(t, 0.9);
            } else {
                s.snare(t, 0.8);
            }
            s.hat(t + beat / 2, 0.15, 50);
        }
    }
}
