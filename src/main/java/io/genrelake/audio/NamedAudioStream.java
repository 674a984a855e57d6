package io.genrelake.audio;

import java.io.IOException;

/**
 * Tags decoding failures raised while reading with the name of the file being read, and unexpected exceptions with
 * the name of the decoder ({@link DecoderBugException}).
 */
final class NamedAudioStream implements AudioStream {

    private final AudioStream inner;
    private final String name;
    private final String decoder;

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
            return inner.readMono(dst, offset, maxFrames);
        } catch (AudioFormatException e) {
            throw e.withSource(name);
        } catch (DecoderBugException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DecoderBugException(decoder, e);
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
