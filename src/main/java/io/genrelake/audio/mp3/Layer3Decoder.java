package io.genrelake.audio.mp3;

/**
 * Decodes Layer III frames to mono PCM (the mean of the channels, as librosa.to_mono): side information, the bit
 * reservoir, scale factors, Huffman-coded lines, requantisation, joint stereo, then one hybrid filter and one
 * synthesis filter bank for the mix. Mixing before the filter banks (they are linear) halves their work; in a
 * mid/side granule whose channels share block types the side channel cancels out of the mix, so its lines are not
 * even decoded. Not thread-safe; one instance per stream.
 */
final class Layer3Decoder {

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    /** Main data a frame may borrow from earlier frames: main_data_begin has 9 bits (MPEG-1) or 8. */
    private static final int MAX_RESERVOIR = 511;
    /** The largest Layer III frame: 2880 bytes at 8 kHz/160 kb/s (MPEG-2.5), 1441 for MPEG-1. */
    static final int MAX_FRAME_BYTES = 2881;

    private final SideInfo side = new SideInfo();
    private final BitReader bits = new BitReader();
    private final ScaleFactorReader scalefactors = new ScaleFactorReader();
    private final int[][] values = new int[2][576];
    private final float[][] lines = new float[2][576];
    private final int[] nonZeroEnd = new int[2];
    private final HybridFilter hybrid = new HybridFilter();
    private final SynthesisFilterBank synthesis = new SynthesisFilterBank();
    private final byte[] reservoir = new byte[MAX_RESERVOIR + MAX_FRAME_BYTES];
    private int reservoirLength;
    /** When set, granules go to it instead of {@link #synthesis}, and only the subbands it uses are decoded. */
    private HalfRateSynthesis halfRate;

    /**
     * From now on, hands each granule's subband samples to {@code target} instead of synthesising them, and decodes
     * lines only as far as the subbands it asks for need.
     */
    void halveRate(HalfRateSynthesis target) {
        halfRate = target;
    }

    /**
     * Decodes the frame {@code frame[off, off + length)} (header {@code h} included) to
     * {@link FrameHeader#samplesPerFrame} samples at {@code out[outOff..]} (or on to the half-rate synthesis).
     * Returns false when the frame could not be decoded (damaged side information, or main data that lies in frames
     * not seen): it then contributes silence after what the previous frame left in the filter banks.
     */
    boolean decode(int h, byte[] frame, int off, int length, float[] out, int outOff) {
        int rateIndex = FrameHeader.sampleRateIndex(h);
        hybrid.rateIndex(rateIndex);
        bits.reset(frame, (off + 4 + (FrameHeader.hasCrc(h) ? 2 : 0)) * 8, off + length);
        boolean valid = side.read(bits, h);
        int dataStart = FrameHeader.mainDataOffset(h);
        int dataLength = Math.max(0, length - dataStart);
        int begin = append(frame, off + dataStart, dataLength) - side.mainDataBegin;
        int granules = FrameHeader.granules(h);
        if (!valid || begin < 0 || dataStart > length) {
            for (int gr = 0; gr < granules; gr++) {
                hybrid.silence();
                hybrid.invertOddSubbands();
                synthesize(out, outOff + 576 * gr);
            }
            return false;
        }
        bits.reset(reservoir, begin * 8, reservoirLength);
        int channels = FrameHeader.channels(h);
        boolean lsf = FrameHeader.lsf(h);
        int mode = FrameHeader.mode(h);
        int modeExtension = FrameHeader.modeExtension(h);
        boolean joint = mode == FrameHeader.MODE_JOINT_STEREO;
        boolean midSideOnly = joint && modeExtension == 2;
        boolean intensity = joint && (modeExtension & 1) != 0;
        int position = begin * 8;
        for (int gr = 0; gr < granules; gr++) {
            Granule[] g = side.granules[gr];
            boolean sideCancels = channels == 2 && midSideOnly && g[0].sameBlocks(g[1]);
            if (halfRate != null) {
                hybrid.subbands(halfRate.subbandsForNextGranule());
            }
            for (int ch = 0; ch < channels; ch++) {
                Granule granule = g[ch];
                int end = position + granule.part23Length;
                bits.seek(position);
                if (lsf) {
                    scalefactors.readLsf(bits, granule, intensity && ch == 1);
                } else {
                    scalefactors.readMpeg1(bits, granule, side.granules[0][ch], gr, side.scfsi[ch]);
                }
                if (ch == 1 && sideCancels) {
                    nonZeroEnd[1] = 0;
                } else if (bits.position() > end) {
                    nonZeroEnd[ch] = 0; // scale factors longer than the granule: damaged; its lines are silent
                    java.util.Arrays.fill(lines[ch], 0f);
                } else {
                    int lineLimit = intensity ? 576 : hybrid.lineLimit(granule);
                    nonZeroEnd[ch] = SpectrumReader.read(bits, granule, end, lineLimit, values[ch]);
                    Requantizer.requantize(granule, values[ch], nonZeroEnd[ch], lines[ch], rateIndex, lsf);
                }
                position = end;
            }
            mix(h, g, channels, sideCancels, joint);
            hybrid.invertOddSubbands();
            synthesize(out, outOff + 576 * gr);
        }
        return true;
    }

    /** The granule in {@link HybridFilter#output} to PCM, or on to the half-rate synthesis. */
    private void synthesize(float[] out, int outOff) {
        if (halfRate != null) {
            halfRate.slots(hybrid.output, 18);
        } else {
            synthesis.synthesize(hybrid.output, 18, out, outOff);
        }
    }

    /** The granule's channels into the hybrid filter as their mean. */
    private void mix(int h, Granule[] g, int channels, boolean sideCancels, boolean joint) {
        float[] l = lines[0];
        if (channels == 1) {
            hybrid.add(l, g[0], nonZeroEnd[0], true);
            return;
        }
        int end = Math.max(nonZeroEnd[0], nonZeroEnd[1]);
        if (sideCancels) {
            // (L + R)/2 = ((M + S) + (M − S))/(2√2) = M/√2
            for (int i = 0; i < nonZeroEnd[0]; i++) {
                l[i] *= INV_SQRT2;
            }
            hybrid.add(l, g[0], nonZeroEnd[0], true);
            return;
        }
        float[] r = lines[1];
        if (joint) {
            StereoProcessor.process(h, l, r, g[1], nonZeroEnd[1], end);
            end = FrameHeader.modeExtension(h) % 2 == 1 ? 576 : end; // intensity fills the right channel's top bands
        }
        if (g[0].sameBlocks(g[1])) {
            for (int i = 0; i < end; i++) {
                l[i] = 0.5f * (l[i] + r[i]);
            }
            hybrid.add(l, g[0], end, true);
        } else {
            for (int i = 0; i < end; i++) {
                l[i] *= 0.5f;
                r[i] *= 0.5f;
            }
            hybrid.add(l, g[0], end, true);
            hybrid.add(r, g[1], end, false);
        }
    }

    /**
     * Appends a frame's main data to the reservoir after dropping what no later frame can reach; returns where the
     * new data starts.
     */
    private int append(byte[] data, int off, int length) {
        if (reservoirLength > MAX_RESERVOIR) {
            System.arraycopy(reservoir, reservoirLength - MAX_RESERVOIR, reservoir, 0, MAX_RESERVOIR);
            reservoirLength = MAX_RESERVOIR;
        }
        int start = reservoirLength;
        int n = Math.min(length, reservoir.length - start);
        System.arraycopy(data, off, reservoir, start, n);
        reservoirLength += n;
        return start;
    }

    /** Forgets the reservoir (after a gap in the stream, earlier main data is not this stream's). */
    void resetReservoir() {
        reservoirLength = 0;
    }
}
