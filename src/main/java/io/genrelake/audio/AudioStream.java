package io.genrelake.audio;

import java.io.Closeable;
import java.io.IOException;

/** An open stream of decoded PCM. Not thread-safe. */
public interface AudioStream extends Closeable {

    int sampleRate();

    int channels();

    /**
     * ffmpeg-style codec name: pcm_u8, pcm_s8, pcm_s16le, pcm_s24le, pcm_s32le, pcm_f32le,
     * pcm_f64le, the same with "be", pcm_mulaw, pcm_alaw.
     */
    String codec();

    /**
     * The {@link AudioDecoder#name} of the decoder that made this stream ("wav", "java-mp3", "ffmpeg", …), as
     * {@link AudioDecoders#open} records it; null for a stream a decoder's own {@code open} returned.
     */
    default String decoder() {
        return null;
    }

    /** Frames (samples per channel) the header declares, or -1 when unknown. */
    long frameCount();

    /**
     * Reads up to maxFrames frames, each mixed to mono: the float32 mean of the channels
     * (librosa.to_mono = np.mean over channels in float32: the channel values summed in float,
     * then divided by the channel count). Returns frames read, or -1 at the end.
     *
     * @throws AudioFormatException "truncated: ..." when the stream ends before the length the
     *     header declares
     */
    int readMono(float[] dst, int offset, int maxFrames) throws IOException;

    /**
     * Asks the stream to hand out its mono mix at half its {@link #sampleRate} from now on, as {@link Resampler}
     * would make it of the full-rate mix (to its −100 dB), for less work than decoding at the full rate and
     * resampling (the MP3 decoder folds the resampling into its synthesis filter bank). Only before the first read.
     * {@link #sampleRate} and {@link #frameCount} keep describing the stream itself.
     *
     * @return true when the stream does so; false (the default) when it cannot
     */
    default boolean halveRate() {
        return false;
    }
}
