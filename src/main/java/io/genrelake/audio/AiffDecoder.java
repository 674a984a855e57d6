package io.genrelake.audio;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * AIFF and AIFF-C: big-endian IFF with a COMM chunk (channels, frames, bits, 80-bit rate and, in
 * AIFC, a compression type) and an SSND chunk (offset, block size, samples). Other chunks are
 * skipped. When SSND precedes COMM (legal, rare) the samples are held in memory until COMM arrives.
 */
final class AiffDecoder implements AudioDecoder {

    /** Largest SSND chunk held in memory while waiting for a COMM chunk that follows it. */
    static final long MAX_BUFFERED_SSND = 256L << 20;
    /** The held samples' first buffer, doubled as more arrive. */
    private static final int HOLD_START = 1 << 16;
    private static final int COMM_READ_LIMIT = 64;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    @Override
    public String name() {
        return "aiff";
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        return Bytes.startsWith(header, length, 0, "FORM")
                && (Bytes.startsWith(header, length, 8, "AIFF") || Bytes.startsWith(header, length, 8, "AIFC"));
    }

    @Override
    public AudioStream open(InputStream in) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        byte[] head = new byte[12];
        reader.readFully(head, 12, "the FORM header");
        if (!Bytes.fourCC(head, 0).equals("FORM")) {
            throw new AudioFormatException("corrupt: not an IFF file (starts with " + Bytes.quoted(Bytes.fourCC(head, 0)) + ")");
        }
        String formType = Bytes.fourCC(head, 8);
        if (!formType.equals("AIFF") && !formType.equals("AIFC")) {
            throw new UnsupportedAudioException("unsupported IFF form type " + Bytes.quoted(formType));
        }
        boolean aifc = formType.equals("AIFC");

        AiffCommon common = null;
        byte[] heldSamples = null; // SSND data seen before COMM
        byte[] chunkHeader = new byte[8];
        while (true) {
            int got = reader.readUpTo(chunkHeader, 8);
            if (got == 0) {
                throw new AudioFormatException((common == null ? "no COMM chunk" : "no SSND chunk")
                        + ": stream ended after " + reader.position() + " bytes");
            }
            if (got < 8) {
                throw reader.truncated("a chunk header", got, 8);
            }
            String id = Bytes.fourCC(chunkHeader, 0);
            long size = Bytes.u32(chunkHeader, 4, true);
            switch (id) {
                case "COMM" -> {
                    common = readCommon(reader, size, aifc);
                    reader.skipPad(size);
                    if (heldSamples != null) {
                        InputStream samples = new ClosingBoth(new ByteArrayInputStream(heldSamples), in);
                        return common.stream(samples, heldSamples.length);
                    }
                }
                case "SSND" -> {
                    long dataBytes = readSoundDataHeader(reader, size);
                    if (common != null) {
                        return common.stream(in, dataBytes);
                    }
                    heldSamples = holdSamples(reader, dataBytes);
                    reader.skipPad(size);
                }
                default -> {
                    reader.skip(size, "the " + Bytes.quoted(id) + " chunk");
                    reader.skipPad(size);
                }
            }
        }
    }

    private static AiffCommon readCommon(HeaderReader reader, long size, boolean aifc) throws IOException {
        int needed = aifc ? 22 : 18;
        if (size < needed) {
            throw new AudioFormatException("corrupt: COMM chunk is " + size + " bytes, at least " + needed + " needed");
        }
        int keep = (int) Math.min(size, COMM_READ_LIMIT);
        byte[] comm = new byte[keep];
        reader.readFully(comm, keep, "the COMM chunk");
        if (size > keep) {
            reader.skip(size - keep, "the COMM chunk");
        }
        return AiffCommon.parse(comm, aifc);
    }

    /** Reads SSND's offset and block size, skips to the samples; returns their length, or -1 if unknown. */
    private static long readSoundDataHeader(HeaderReader reader, long size) throws IOException {
        byte[] ssnd = new byte[8];
        reader.readFully(ssnd, 8, "the SSND chunk header");
        long offset = Bytes.u32(ssnd, 0, true);
        reader.skip(offset, "the SSND chunk offset");
        if (size == UNKNOWN_SIZE || size == 0) { // size left unwritten by a streaming writer
            return -1;
        }
        if (size < 8 + offset) {
            throw new AudioFormatException("corrupt: SSND chunk is " + size + " bytes but its data offset is " + offset);
        }
        return size - 8 - offset;
    }

    private static byte[] holdSamples(HeaderReader reader, long dataBytes) throws IOException {
        if (dataBytes < 0) {
            throw new AudioFormatException("corrupt: SSND chunk of unknown size before the COMM chunk");
        }
        if (dataBytes > MAX_BUFFERED_SSND) {
            throw new UnsupportedAudioException("unsupported AIFF layout: SSND chunk of " + dataBytes
                    + " bytes before the COMM chunk (at most " + MAX_BUFFERED_SSND + " can be held)");
        }
        // Grown as the bytes arrive, not sized from the header: a short file declaring 256 MB would otherwise
        // allocate them all before finding it is truncated (fuzzing ran a 230-MB heap out of memory so).
        byte[] data = new byte[(int) Math.min(dataBytes, HOLD_START)];
        int got = 0;
        while (got < dataBytes) {
            if (got == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(dataBytes, 2L * data.length));
            }
            int n = reader.readUpTo(data, got, data.length - got);
            got += n;
            if (got < data.length) {
                throw new AudioFormatException("truncated: SSND chunk declares " + dataBytes
                        + " bytes, stream ended after " + got);
            }
        }
        return data;
    }

    /** Samples held in memory that, when closed, also close the file they came from. */
    private static final class ClosingBoth extends FilterInputStream {
        private final InputStream file;

        ClosingBoth(InputStream samples, InputStream file) {
            super(samples);
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
