package io.genrelake.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * RIFF/WAVE (and its big-endian twin RIFX): integer PCM 8–32 bit, IEEE float 32/64, A-law,
 * μ-law, and WAVE_FORMAT_EXTENSIBLE around any of them. Chunks other than fmt and data are
 * skipped wherever they sit before data.
 */
final class WavDecoder implements AudioDecoder {

    /** Largest fmt chunk we read whole; anything beyond (vendor extensions) is skipped. */
    private static final int FMT_READ_LIMIT = 64;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    @Override
    public String name() {
        return "wav";
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        return (Bytes.startsWith(header, length, 0, "RIFF") || Bytes.startsWith(header, length, 0, "RIFX"))
                && Bytes.startsWith(header, length, 8, "WAVE");
    }

    @Override
    public AudioStream open(InputStream in) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        byte[] head = new byte[12];
        reader.readFully(head, 12, "the RIFF header");
        String riff = Bytes.fourCC(head, 0);
        if (!riff.equals("RIFF") && !riff.equals("RIFX")) {
            throw new AudioFormatException("corrupt: not a RIFF file (starts with " + Bytes.quoted(riff) + ")");
        }
        if (!Bytes.fourCC(head, 8).equals("WAVE")) {
            throw new UnsupportedAudioException("unsupported RIFF form type " + Bytes.quoted(Bytes.fourCC(head, 8)));
        }
        boolean bigEndian = riff.equals("RIFX");

        WavFormat format = null;
        byte[] chunkHeader = new byte[8];
        while (true) {
            int got = reader.readUpTo(chunkHeader, 8);
            if (got == 0) {
                throw new AudioFormatException((format == null ? "no fmt chunk" : "no data chunk")
                        + ": stream ended after " + reader.position() + " bytes");
            }
            if (got < 8) {
                throw reader.truncated("a chunk header", got, 8);
            }
            String id = Bytes.fourCC(chunkHeader, 0);
            long size = Bytes.u32(chunkHeader, 4, bigEndian);
            switch (id) {
                case "fmt " -> {
                    format = readFormat(reader, size, bigEndian);
                    reader.skipPad(size);
                }
                case "data" -> {
                    if (format == null) {
                        throw new AudioFormatException("corrupt: data chunk before fmt chunk");
                    }
                    // Streaming writers leave the size at 0 or 0xFFFFFFFF: read to the end.
                    long dataBytes = size == 0 || size == UNKNOWN_SIZE ? -1 : size;
                    return new PcmStream(in, format.sample(), format.channels(), format.sampleRate(), dataBytes, "data chunk");
                }
                default -> {
                    String what = "the " + Bytes.quoted(id) + " chunk";
                    reader.skip(size, what);
                    reader.skipPad(size);
                }
            }
        }
    }

    private static WavFormat readFormat(HeaderReader reader, long size, boolean bigEndian) throws IOException {
        if (size < 16) {
            throw new AudioFormatException("corrupt: fmt chunk is " + size + " bytes, at least 16 needed");
        }
        int keep = (int) Math.min(size, FMT_READ_LIMIT);
        byte[] fmt = new byte[keep];
        reader.readFully(fmt, keep, "the fmt chunk");
        if (size > keep) {
            reader.skip(size - keep, "the fmt chunk");
        }
        return WavFormat.parse(fmt, keep, bigEndian);
    }
}
