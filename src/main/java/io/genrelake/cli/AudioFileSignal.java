package io.genrelake.cli;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.features.SignalSource;
import java.io.IOException;
import java.nio.file.Path;

/** An audio file as a re-readable signal: every pass decodes the file afresh, so memory stays bounded. */
final class AudioFileSignal implements SignalSource {

    private final Path file;
    private final AudioDecoders decoders;

    AudioFileSignal(Path file, AudioDecoders decoders) {
        this.file = file;
        this.decoders = decoders;
    }

    @Override
    public Reader open() throws IOException {
        MonoAudioSource source = AudioLoader.open(file, decoders);
        return new Reader() {
            @Override
            public int read(float[] dst, int off, int len) throws IOException {
                return source.read(dst, off, len);
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }
}
