package io.genrelake.audio;

import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.audio.flac.FlacDecoder;
import io.genrelake.audio.mp3.Mp3Decoder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decoder registry: picks a decoder by the file's first bytes (never its extension). Immutable;
 * {@link #with} makes a new registry with one more decoder, tried after the existing ones (so an
 * FFmpeg-backed decoder for MP3/AAC/FLAC/Ogg can be added behind the pure-Java ones).
 */
public final class AudioDecoders {

    /** How many leading bytes decoders see in {@link AudioDecoder#sniff}. */
    public static final int SNIFF_BYTES = 64;
    /**
     * The sample rates a stream may declare ({@link #open} refuses others as unsupported). A header's rate is only a
     * number: at 10⁸ Hz the resampler's filter to 22050 Hz would need gigabytes (its length grows with the ratio),
     * at 1 Hz each input sample would become 22050 outputs. 768 kHz is the highest rate audio interfaces record;
     * 1 kHz is below any audio encoding's (telephony's lowest is 8 kHz).
     */
    public static final int MIN_SAMPLE_RATE = 1000;
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** Read-ahead buffer put in front of streams that cannot mark/reset. */
    private static final int BUFFER_BYTES = 1 << 16;

    private static final AudioDecoders BUILT_IN =
            new AudioDecoders(List.of(new WavDecoder(), new AuDecoder(), new AiffDecoder()));
    private static final AudioDecoders WITH_JAVA_MP3 =
            BUILT_IN.with(new Mp3Decoder()).with(new FlacDecoder()).with(new FfmpegDecoder());
    private static final AudioDecoders STANDARD =
            javaMp3() ? WITH_JAVA_MP3 : BUILT_IN.with(new FlacDecoder()).with(new FfmpegDecoder());

    private final List<AudioDecoder> decoders;

    private AudioDecoders(List<AudioDecoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    /** WAV (RIFF/RIFX), AU and AIFF/AIFC, in pure Java. */
    public static AudioDecoders builtIn() {
        return BUILT_IN;
    }

    /**
     * Whether MP3 goes to the pure-Java decoder ({@link Mp3Decoder}, the default: about three times as fast as
     * FFmpeg plus the resampler for 44.1-kHz files, docs/benchmarks.md) rather than FFmpeg, which
     * {@code -Dgenrelake.mp3=ffmpeg} or the environment's {@code GENRELAKE_MP3_DECODER=ffmpeg} selects. Streams the
     * Java decoder declines (8-kHz MPEG-2.5, free format, Layer I/II) go to FFmpeg either way.
     */
    static boolean javaMp3() {
        String choice = System.getProperty("genrelake.mp3", System.getenv("GENRELAKE_MP3_DECODER"));
        return choice == null || !choice.trim().equalsIgnoreCase("ffmpeg");
    }

    /**
     * The built-ins, the pure-Java MP3 and FLAC decoders, then FFmpeg: what {@link #standard()} is with
     * {@link #javaMp3}.
     */
    public static AudioDecoders withJavaMp3() {
        return WITH_JAVA_MP3;
    }

    /**
     * The built-ins, the pure-Java MP3 decoder (unless {@link #javaMp3} says FFmpeg), the pure-Java FLAC decoder, then
     * FFmpeg for AAC/M4A, Ogg Vorbis, Opus, the FLAC the Java decoder declines and whatever else it recognises.
     * FFmpeg's natives load only when a file reaches it, so WAV-only runs never load them.
     */
    public static AudioDecoders standard() {
        return STANDARD;
    }

    /** A registry of {@code decoders}, tried in this order (names unique). */
    public static AudioDecoders of(AudioDecoder... decoders) {
        return new AudioDecoders(List.of(decoders));
    }

    /** A new registry with {@code extra} tried after this one's decoders. */
    public AudioDecoders with(AudioDecoder extra) {
        List<AudioDecoder> more = new ArrayList<>(decoders);
        more.add(extra);
        return new AudioDecoders(more);
    }


    /** One attempt at a file with the decoders given; returns its result. */
    @FunctionalInterface
    public interface Attempt<T, E extends Exception> {
        T run(AudioDecoders decoders) throws IOException, E;
    }

    /**
     * Runs {@code attempt} with these decoders and, when one of them fails with a bug, again from the start with
     * the decoders after it (logged as a warning naming {@code file}); when no later decoder knows the format, the
     * first bug is the reason.
     */
    public <T, E extends Exception> T withFallback(Object file, Attempt<T, E> attempt) throws IOException, E {
        AudioDecoders with = this;
        DecoderBugException first = null;
        while (true) {
            try {
                return attempt.run(with);
            } catch (DecoderBugException bug) {
                AudioDecoders rest = with.after(bug.decoder());
                if (rest == null) {
                    throw bug;
                }
                org.slf4j.LoggerFactory.getLogger(AudioDecoders.class).warn(
                        "{}: the {} decoder failed ({}); decoding the file again from its start with {}", file,
                        bug.decoder(), bug.describe(), rest.names());
                first = first == null ? bug : first;
                with = rest;
            } catch (UnsupportedAudioException e) {
                if (first != null) {
                    throw first; // no later decoder knows the format: the bug is the reason
                }
                throw e;
            }
        }
    }

    /**
     * The registry of the decoders tried after the one named {@code decoder} (names are unique in a registry), for
     * decoding a file again when that decoder failed on it ({@link DecoderBugException}); null when none follows it
     * or it is not here. After the pure-Java MP3 decoder that is the FLAC decoder and FFmpeg (only FFmpeg knows MP3),
     * after the FLAC decoder FFmpeg.
     */
    public AudioDecoders after(String decoder) {
        for (int i = 0; i < decoders.size() - 1; i++) {
            if (decoders.get(i).name().equals(decoder)) {
                return new AudioDecoders(decoders.subList(i + 1, decoders.size()));
            }
        }
        return null;
    }

    /** The decoders in the order they are tried. */
    public List<AudioDecoder> decoders() {
        return decoders;
    }

    /**
     * Opens {@code in} with the first decoder whose sniff accepts its first bytes. The returned
     * stream owns {@code in}; if opening fails, {@code in} is left to the caller to close.
     * Exceptions carry {@code nameForMessages} in {@link AudioFormatException#source()}.
     *
     * @throws AudioFormatException "empty file" for no bytes at all, or the decoder's reason
     * @throws UnsupportedAudioException when no decoder recognises the bytes
     * @throws DecoderBugException when the decoder fails unexpectedly (here or, later, while the stream is read)
     */
    public AudioStream open(InputStream in, String nameForMessages) throws IOException {
        InputStream peekable = in.markSupported() ? in : new BufferedInputStream(in, BUFFER_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        peekable.mark(SNIFF_BYTES);
        int length = peekable.readNBytes(head, 0, SNIFF_BYTES);
        peekable.reset();
        if (length == 0) {
            throw new AudioFormatException("empty file").withSource(nameForMessages);
        }
        for (AudioDecoder decoder : decoders) {
            if (decoder.sniff(head, length)) {
                try {
                    AudioStream stream = decoder.open(peekable);
                    if (stream == null) {
                        continue; // declined after a longer look; peekable is back at the start
                    }
                    checkRate(stream);
                    return new NamedAudioStream(stream, nameForMessages, decoder.name());
                } catch (AudioFormatException e) {
                    throw e.withSource(nameForMessages);
                } catch (DecoderBugException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new DecoderBugException(decoder.name(), e);
                }
            }
        }
        throw new UnsupportedAudioException("unsupported format: not " + formatList() + " (starts with "
                + Bytes.hex(head, Math.min(length, 8)) + ")").withSource(nameForMessages);
    }

    /** Closes the stream and refuses it when its rate is outside {@link #MIN_SAMPLE_RATE}…{@link #MAX_SAMPLE_RATE}. */
    private static void checkRate(AudioStream stream) throws IOException {
        int rate = stream.sampleRate();
        if (rate < MIN_SAMPLE_RATE || rate > MAX_SAMPLE_RATE) {
            stream.close();
            throw new UnsupportedAudioException("unsupported sample rate: " + rate + " Hz (genrelake reads "
                    + MIN_SAMPLE_RATE + " to " + MAX_SAMPLE_RATE + " Hz)");
        }
    }

    /** The decoders' names in the order they are tried, for messages: "wav, au, aiff, java-mp3, java-flac, ffmpeg". */
    public String names() {
        StringBuilder s = new StringBuilder();
        for (AudioDecoder d : decoders) {
            s.append(s.length() == 0 ? "" : ", ").append(d.name());
        }
        return s.toString();
    }

    /** "WAV, AU or AIFF" from the decoders' names. */
    private String formatList() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < decoders.size(); i++) {
            if (i > 0) {
                s.append(i == decoders.size() - 1 ? " or " : ", ");
            }
            s.append(decoders.get(i).name().toUpperCase(Locale.ROOT));
        }
        return s.toString();
    }
}
