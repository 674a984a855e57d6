package io.genrelake.audio;

import java.io.IOException;

/** Tags decoding failures raised while reading with the name of the file being read. */
final class NamedAudioStream implements AudioStream {

    private final AudioStream inner;
    private final String name;

    NamedAudioStream(AudioStream inner, String name) {
        this.inner = inner;
        this.name = name;
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
        }
    }

    @Override
    public boolean halveRate() {
        return inner.halveRate();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
