package io.genrelake.audio;

import java.io.IOException;

/**
 * Tags decoding failures raised while reading with the name of the file being read, and unexpected exceptions with
 * the name of the decoder ({@link DecoderBugException}). Refuses samples that are not finite (NaN or infinite floats
 * in a float WAV/AU/AIFF, found by fuzzing): librosa refuses such audio too (util.valid_audio: "Audio buffer is not
 * finite everywhere"), and a NaN would otherwise turn every feature of its window into NaN.
 */
final class NamedAudioStream implements AudioStream {

    private final AudioStream inner;
    private final String name;
    private final String decoder;
    private long framesRead;

    NamedAudioStream(AudioStream inner, String name, String decoder) {
        this.inner = inner;
        this.name = name;
        this.decoder = decoder;
    }

    @Override
    public int sampleRate() {
        return inner.sampleRate();
    }

    @Override
    public int channels() {
        return inner.channels();
    }

    @Override
    public String codec() {
        return inner.codec();
    }

    @Override
    public long frameCount() {
        return inner.frameCount();
    }

    @Override
    public int readMono(float[] dst, int offset, int maxFrames) throws IOException {
        try {
            int n = inner.readMono(dst, offset, maxFrames);
            if (n > 0) {
                checkFinite(dst, offset, n);
                framesRead += n;
            }
            return n;
        } catch (AudioFormatException e) {
            throw e.withSource(name);
        } catch (DecoderBugException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DecoderBugException(decoder, e);
        }
    }

    /** One sum per block, finite exactly when no sample is NaN or infinite (but for sums past 3.4e38, looked at). */
    private void checkFinite(float[] x, int offset, int n) throws AudioFormatException {
        float sum = 0;
        for (int i = offset; i < offset + n; i++) {
            sum += x[i];
        }
        if (Float.isFinite(sum)) {
            return;
        }
        for (int i = offset; i < offset + n; i++) {
            if (!Float.isFinite(x[i])) {
                throw new AudioFormatException("corrupt: sample " + (framesRead + i - offset) + " is " + x[i]);
            }
        }
    }

    @Override
    public boolean halveRate() {
        try {
            return inner.halveRate();
        } catch (RuntimeException e) {
            throw new DecoderBugException(decoder, e);
        }
    }

    @Override
    public String decoder() {
        return decoder;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
