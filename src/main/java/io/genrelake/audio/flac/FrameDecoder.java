package io.genrelake.audio.flac;

/**
 * Decodes one FLAC frame (RFC 9639 section 9) into a sample array per channel: header (with its CRC-8), one subframe
 * per channel — constant, verbatim, fixed predictor or LPC, with wasted bits — whose residuals are partitioned Rice
 * codes, then stereo decorrelation and the frame's CRC-16. Buffers are sized once from STREAMINFO and reused; nothing
 * is allocated per frame.
 */
final class FrameDecoder {

    /** Why a frame was not decoded: not a frame here, or a damaged one. The stream resynchronises on it. */
    static final class BadFrame extends Exception {
        private static final long serialVersionUID = 1L;

        BadFrame(String message) {
            super(message, null, false, false);
        }
    }

    /** Sample rates of codes 1–11 (RFC 9639 section 9.1.2). */
    private static final int[] RATES = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100,
        48_000, 96_000};
    /** Sample sizes of codes 1–7; 3 is reserved (RFC 9639 section 9.1.4). */
    private static final int[] SIZES = {0, 8, 12, -1, 16, 20, 24, 32};
    private static final int MAX_LPC_ORDER = 32;

    private final StreamInfo info;
    private final BitReader bits = new BitReader();
    /** The frame's samples, one array per channel, {@link #blockSize} of each valid. */
    final int[][] samples;
    private final int[] coefficients = new int[MAX_LPC_ORDER];
    int blockSize;

    FrameDecoder(StreamInfo info) {
        this.info = info;
        this.samples = new int[info.channels()][info.maxBlockSize()];
    }

    /**
     * Decodes the frame starting at {@code buf[at]} (its sync code), reading no byte at or past {@code limit}.
     *
     * @return the frame's length in bytes
     * @throws BitReader.OutOfData when the frame runs past {@code limit}
     * @throws BadFrame when no valid frame starts here
     */
    int decode(byte[] buf, int at, int limit) throws BitReader.OutOfData, BadFrame {
        bits.reset(buf, at, limit);
        int sync = bits.readUnsigned(15);
        if (sync != 0x7FFC) { // 1111 1111 1111 100: the sync code and the reserved bit
            throw new BadFrame("no frame sync");
        }
        bits.readUnsigned(1); // blocking strategy: fixed or variable, the same to a decoder
        int sizeCode = bits.readUnsigned(4);
        int rateCode = bits.readUnsigned(4);
        int channelCode = bits.readUnsigned(4);
        int sizeBits = bits.readUnsigned(3);
        if (bits.readUnsigned(1) != 0 || sizeCode == 0 || rateCode == 15 || channelCode > 10 || sizeBits == 3) {
            throw new BadFrame("reserved header value");
        }
        skipCodedNumber();
        int size = switch (sizeCode) {
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (sizeCode - 2);
            case 6 -> bits.readUnsigned(8) + 1;
            case 7 -> bits.readUnsigned(16) + 1;
            default -> 256 << (sizeCode - 8);
        };
        int rate = switch (rateCode) {
            case 0 -> info.sampleRate();
            case 12 -> bits.readUnsigned(8) * 1000;
            case 13 -> bits.readUnsigned(16);
            case 14 -> bits.readUnsigned(16) * 10;
            default -> RATES[rateCode];
        };
        int crc8 = bits.readUnsigned(8);
        if (Crc.crc8(buf, at, bits.bytePosition() - 1) != crc8) {
            throw new BadFrame("header CRC mismatch");
        }
        int channels = channelCode < 8 ? channelCode + 1 : 2;
        int bps = sizeBits == 0 ? info.bitsPerSample() : SIZES[sizeBits];
        if (size > info.maxBlockSize() || rate != info.sampleRate() || channels != info.channels()
                || bps != info.bitsPerSample()) {
            throw new BadFrame("frame disagrees with STREAMINFO (" + size + " samples, " + rate + " Hz, " + channels
                    + " channels, " + bps + " bits)");
        }
        blockSize = size;
        for (int c = 0; c < channels; c++) {
            boolean side = channelCode == 8 && c == 1 || channelCode == 9 && c == 0 || channelCode == 10 && c == 1;
            subframe(samples[c], size, side ? bps + 1 : bps);
        }
        bits.align();
        int end = bits.bytePosition();
        int crc16 = bits.readUnsigned(16);
        if (Crc.crc16(buf, at, end) != crc16) {
            throw new BadFrame("frame CRC mismatch");
        }
        decorrelate(channelCode, size);
        return end + 2 - at;
    }

    /** The frame or sample number, UTF-8-like (1–7 bytes); its value is not needed. */
    private void skipCodedNumber() throws BitReader.OutOfData, BadFrame {
        int first = bits.readUnsigned(8);
        int more = first < 0x80 ? 0 : first < 0xC0 ? -1 : first < 0xE0 ? 1 : first < 0xF0 ? 2 : first < 0xF8 ? 3
                : first < 0xFC ? 4 : first < 0xFE ? 5 : first == 0xFE ? 6 : -1;
        if (more < 0) {
            throw new BadFrame("bad coded number");
        }
        for (int i = 0; i < more; i++) {
            if ((bits.readUnsigned(8) & 0xC0) != 0x80) {
                throw new BadFrame("bad coded number");
            }
        }
    }

    private void subframe(int[] dst, int size, int bps) throws BitReader.OutOfData, BadFrame {
        if (bits.readUnsigned(1) != 0) {
            throw new BadFrame("subframe padding bit set");
        }
        int type = bits.readUnsigned(6);
        int wasted = 0;
        if (bits.readUnsigned(1) == 1) {
            wasted = bits.readUnary() + 1;
            if (wasted >= bps) {
                throw new BadFrame("wasted bits " + wasted + " of " + bps);
            }
            bps -= wasted;
        }
        if (type == 0) {
            int v = bits.readSigned(bps);
            java.util.Arrays.fill(dst, 0, size, v);
        } else if (type == 1) {
            for (int i = 0; i < size; i++) {
                dst[i] = bits.readSigned(bps);
            }
        } else if (type >= 8 && type <= 12) {
            fixed(dst, size, bps, type - 8);
        } else if (type >= 32) {
            lpc(dst, size, bps, (type & 31) + 1);
        } else {
            throw new BadFrame("reserved subframe type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < size; i++) {
                dst[i] <<= wasted;
            }
        }
    }

    /** Fixed polynomial predictors of order 0–4 (RFC 9639 section 9.2.5). */
    private void fixed(int[] s, int size, int bps, int order) throws BitReader.OutOfData, BadFrame {
        warmUp(s, size, bps, order);
        residual(s, size, order);
        switch (order) {
            case 1 -> {
                for (int i = 1; i < size; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < size; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < size; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < size; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
            }
            default -> { } // order 0: the residual is the signal
        }
    }

    /** Linear prediction of order 1–32 with quantised coefficients (RFC 9639 section 9.2.6). */
    private void lpc(int[] s, int size, int bps, int order) throws BitReader.OutOfData, BadFrame {
        warmUp(s, size, bps, order);
        int precision = bits.readUnsigned(4) + 1;
        if (precision == 16) {
            throw new BadFrame("invalid LPC precision");
        }
        int shift = bits.readSigned(5);
        if (shift < 0) {
            throw new BadFrame("negative LPC shift");
        }
        for (int j = 0; j < order; j++) {
            coefficients[j] = bits.readSigned(precision);
        }
        residual(s, size, order);
        if (order <= 12) {
            lpcUpTo12(s, size, order, shift);
            return;
        }
        int[] c = coefficients;
        for (int i = order; i < size; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += (long) c[j] * s[i - 1 - j];
            }
            s[i] += (int) (sum >> shift);
        }
    }

    /**
     * Orders 1–12 (the encoders' defaults: FFmpeg's 8, libFLAC's 8 and 12) with 64-bit sums, the coefficients in
     * locals and the products unrolled through a fall-through switch, as libFLAC unrolls them: the loop over a few
     * coefficients cost more than the products (measured in docs/benchmarks.md).
     */
    private void lpcUpTo12(int[] s, int size, int order, int shift) {
        int[] c = coefficients;
        long c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
        long c6 = c[6], c7 = c[7], c8 = c[8], c9 = c[9], c10 = c[10], c11 = c[11];
        for (int i = order; i < size; i++) {
            long sum = 0;
            switch (order) {
                case 12: sum += c11 * s[i - 12]; // fall through
                case 11: sum += c10 * s[i - 11]; // fall through
                case 10: sum += c9 * s[i - 10]; // fall through
                case 9: sum += c8 * s[i - 9]; // fall through
                case 8: sum += c7 * s[i - 8]; // fall through
                case 7: sum += c6 * s[i - 7]; // fall through
                case 6: sum += c5 * s[i - 6]; // fall through
                case 5: sum += c4 * s[i - 5]; // fall through
                case 4: sum += c3 * s[i - 4]; // fall through
                case 3: sum += c2 * s[i - 3]; // fall through
                case 2: sum += c1 * s[i - 2]; // fall through
                default: sum += c0 * s[i - 1];
            }
            s[i] += (int) (sum >> shift);
        }
    }

    private void warmUp(int[] s, int size, int bps, int order) throws BitReader.OutOfData, BadFrame {
        if (order > size) {
            throw new BadFrame("predictor order " + order + " above block size " + size);
        }
        for (int i = 0; i < order; i++) {
            s[i] = bits.readSigned(bps);
        }
    }

    /** The partitioned Rice-coded residual into {@code s[order..size)} (RFC 9639 section 9.2.7). */
    private void residual(int[] s, int size, int order) throws BitReader.OutOfData, BadFrame {
        int method = bits.readUnsigned(2);
        if (method > 1) {
            throw new BadFrame("reserved residual coding method");
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = (1 << paramBits) - 1;
        int partitionOrder = bits.readUnsigned(4);
        int partitions = 1 << partitionOrder;
        int perPartition = size >> partitionOrder;
        if (perPartition << partitionOrder != size || perPartition < order) {
            throw new BadFrame("residual partitions do not fit the block");
        }
        int at = order;
        for (int p = 0; p < partitions; p++) {
            int n = p == 0 ? perPartition - order : perPartition;
            int k = bits.readUnsigned(paramBits);
            if (k == escape) {
                int raw = bits.readUnsigned(5);
                for (int i = at; i < at + n; i++) {
                    s[i] = bits.readSigned(raw);
                }
            } else {
                bits.readRice(s, at, n, k);
            }
            at += n;
        }
    }

    /** Left/side, side/right and mid/side back to left and right (RFC 9639 section 9.1.3). */
    private void decorrelate(int channelCode, int size) {
        int[] a = samples[0];
        int[] b = channelCode >= 8 ? samples[1] : null;
        switch (channelCode) {
            case 8 -> { // left, side
                for (int i = 0; i < size; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case 9 -> { // side, right
                for (int i = 0; i < size; i++) {
                    a[i] += b[i];
                }
            }
            case 10 -> { // mid, side
                for (int i = 0; i < size; i++) {
                    int side = b[i];
                    int mid = (a[i] << 1) | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
            default -> { } // independent channels
        }
    }
}
