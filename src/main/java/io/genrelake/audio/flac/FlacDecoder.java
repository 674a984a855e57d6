package io.genrelake.audio.flac;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * FLAC (native, {@code fLaC} at the first byte) in pure Java, up to 24 bits per sample: {@link FrameDecoder} decodes,
 * {@link FlacStream} mixes to mono. Declines (resetting the stream, so FFmpeg gets the file) 25–32-bit streams,
 * whose side channel needs more than 32 bits; a FLAC behind an ID3v2 tag, and Ogg FLAC, never reach it (their first
 * bytes are not {@code fLaC}) and go to FFmpeg as before.
 *
 * <p>Why our own: FFmpeg runs in a process of its own (a native crash fails a file, not the executor), and the mono
 * samples of a 30-s 44.1-kHz track cross its pipe as ~5 MB of floats: decoding a FLAC took ~50 ms there, ~24 ms
 * here, and decoding and resampling 66–68 ms against 32 ms (docs/benchmarks.md, "FLAC in pure Java"). FLAC is
 * lossless and its integer samples have one right answer, so agreement with FFmpeg is exact, not approximate. The one
 * Java FLAC library on Maven Central, jflac-codec (1.5.2, a port of libFLAC for Java 6, LGPL-2.1), hands decoded
 * audio out as PCM bytes through a listener, which we would turn back into integers; it was not measured here.
 */
public final class FlacDecoder implements AudioDecoder {

    /** Above 24 bits the side channel of a stereo pair would need 33: FFmpeg's. */
    static final int MAX_BITS = 24;

    @Override
    public String name() {
        return "java-flac";
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        return length >= 4 && header[0] == 'f' && header[1] == 'L' && header[2] == 'a' && header[3] == 'C';
    }

    /** The stream positioned at the first frame, or null (with {@code in} reset) for a stream of more than 24 bits. */
    @Override
    public AudioStream open(InputStream in) throws IOException {
        in.mark(4 + BlockHeader.BYTES + StreamInfo.BYTES);
        BlockHeader block = BlockHeader.of(read(in, 4 + BlockHeader.BYTES, "the FLAC header"), 4);
        if (block.type() != BlockHeader.STREAMINFO || block.size() != StreamInfo.BYTES) {
            throw new AudioFormatException("corrupt FLAC: the first metadata block is not STREAMINFO");
        }
        StreamInfo info = StreamInfo.parse(read(in, StreamInfo.BYTES, "STREAMINFO"));
        if (info.bitsPerSample() > MAX_BITS) {
            in.reset();
            return null;
        }
        while (!block.last()) {
            block = BlockHeader.of(read(in, BlockHeader.BYTES, "a metadata block header"), 0);
            try {
                in.skipNBytes(block.size());
            } catch (EOFException e) {
                throw new AudioFormatException("truncated: stream ended inside a FLAC metadata block");
            }
        }
        return new FlacStream(in, info);
    }

    private static byte[] read(InputStream in, int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new AudioFormatException("truncated: stream ended inside " + what + " (" + b.length + " of " + n
                    + " bytes)");
        }
        return b;
    }
}
