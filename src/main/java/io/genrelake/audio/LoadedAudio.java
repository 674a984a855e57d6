package io.genrelake.audio;

/**
 * A whole file as librosa.load(path, sr=22050, mono=True) returns it.
 *
 * @param samples mono float32 samples at {@code sampleRate}
 * @param sampleRate the rate of {@code samples}
 * @param sampleRateIn the file's own rate
 * @param channelsIn the file's channel count (before mixing to mono)
 * @param codec the file's encoding, ffmpeg-style (see {@link AudioStream#codec()})
 */
public record LoadedAudio(float[] samples, int sampleRate, int sampleRateIn, int channelsIn, String codec) {

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
