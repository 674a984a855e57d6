package io.genrelake.audio;

/**
 * Mixes interleaved frames to mono the way librosa.to_mono does (np.mean over channels, float32).
 * Public so that decoders outside this package (FFmpeg) mix with the same arithmetic.
 */
public final class MonoMixer {

    private MonoMixer() {}

    /**
     * dst[off + f] = (x[f][0] + x[f][1] + ... + x[f][c-1]) / c, summed left to right in float and
     * divided in float, as numpy's float32 mean of a frame's channels.
     */
    public static void mix(float[] interleaved, int frames, int channels, float[] dst, int off) {
        float count = channels;
        if (channels == 2) { // the common case, without the inner loop
            for (int f = 0, p = 0; f < frames; f++, p += 2) {
                dst[off + f] = (interleaved[p] + interleaved[p + 1]) / count;
            }
            return;
        }
        for (int f = 0, p = 0; f < frames; f++) {
            float sum = interleaved[p++];
            for (int c = 1; c < channels; c++) {
                sum += interleaved[p++];
            }
            dst[off + f] = sum / count;
        }
    }
}
