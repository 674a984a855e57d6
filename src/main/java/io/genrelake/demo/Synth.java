package io.genrelake.demo;

import java.util.SplittableRandom;

/**
 * Small deterministic instruments for the sample library: additive tones with envelopes, a kick, a
 * snare, a hi-hat. Everything renders into a float buffer at a given rate; randomness comes from a
 * seeded {@link SplittableRandom}, so the same seed always gives the same samples.
 */
final class Synth {

    private final float[] out;
    private final int rate;
    private final SplittableRandom random;

    Synth(int samples, int rate, long seed) {
        this.out = new float[samples];
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    float[] samples() {
        return out;
    }

    int rate() {
        return rate;
    }

    double uniform() {
        return random.nextDouble();
    }

    /** A tone with the given harmonic amplitudes, attack/release envelope, starting at second t. */
    void tone(double t, double seconds, double hz, double gain, double[] harmonics, double attack, double release) {
        int start = (int) (t * rate);
        int len = (int) (seconds * rate);
        for (int i = 0; i < len && start + i < out.length; i++) {
            double time = (double) i / rate;
            double env = Math.min(1.0, time / attack) * Math.min(1.0, (seconds - time) / release);
            double v = 0;
            for (int h = 0; h < harmonics.length; h++) {
                double f = hz * (h + 1);
                if (f < rate / 2.0) {
                    v += harmonics[h] * Math.sin(2 * Math.PI * f * time);
                }
            }
            out[start + i] += (float) (gain * Math.max(0, env) * v);
        }
    }

    /** A kick drum: a sine gliding from 120 to 45 Hz with a fast exponential decay. */
    void kick(double t, double gain) {
        int start = (int) (t * rate);
        int len = (int) (0.35 * rate);
        double phase = 0;
        for (int i = 0; i < len && start + i < out.length; i++) {
            double time = (double) i / rate;
            double hz = 45 + 75 * Math.exp(-time * 30);
            phase += 2 * Math.PI * hz / rate;
            out[start + i] += (float) (gain * Math.exp(-time * 9) * Math.sin(phase));
        }
    }

    /** A snare: a noise burst plus a 190-Hz body. */
    void snare(double t, double gain) {
        int start = (int) (t * rate);
        int len = (int) (0.2 * rate);
        for (int i = 0; i < len && start + i < out.length; i++) {
            double time = (double) i / rate;
            double noise = random.nextDouble() * 2 - 1;
            out[start + i] += (float) (gain * Math.exp(-time * 18)
                    * (0.7 * noise + 0.3 * Math.sin(2 * Math.PI * 190 * time)));
        }
    }

    /** A hi-hat: first-differenced (high-passed) noise, very short. */
    void hat(double t, double gain, double decay) {
        int start = (int) (t * rate);
        int len = (int) (0.12 * rate);
        double prev = 0;
        for (int i = 0; i < len && start + i < out.length; i++) {
            double time = (double) i / rate;
            double noise = random.nextDouble() * 2 - 1;
            out[start + i] += (float) (gain * Math.exp(-time * decay) * (noise - prev));
            prev = noise;
        }
    }

    /** Soft clipping, for the distorted guitar. */
    void saturate(double drive) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) Math.tanh(drive * out[i]) / (float) Math.tanh(drive);
        }
    }

    /** Scales the buffer to the given peak. */
    void normalise(double peak) {
        float max = 0;
        for (float v : out) {
            max = Math.max(max, Math.abs(v));
        }
        if (max > 0) {
            float g = (float) (peak / max);
            for (int i = 0; i < out.length; i++) {
                out[i] *= g;
            }
        }
    }

    static double midiToHz(int note) {
        return 440.0 * Math.pow(2, (note - 69) / 12.0);
    }
}
