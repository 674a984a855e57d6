package io.genrelake.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Sun/NeXT AU (.au, .snd), GTZAN's original format: a 24-byte big-endian header (magic ".snd",
 * data offset, data size, encoding, rate, channels), annotation bytes up to the data offset, then
 * the samples. The rare little-endian variant (magic "dns.") is read too.
 */
final class AuDecoder implements AudioDecoder {

    private static final int HEADER_BYTES = 24;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private static final Map<Integer, String> ENCODING_NAMES = Map.of(
            8, "fragmented",
            10, "DSP program",
            23, "G.721 ADPCM",
            24, "G.722",
            25, "G.723 3-bit ADPCM",
            26, "G.723 5-bit ADPCM");

    @Override
    public String name() {
        return "au";
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        return Bytes.startsWith(header, length, 0, ".snd") || Bytes.startsWith(header, length, 0, "dns.");
    }

    @Override
    public AudioStream open(InputStream in) throws IOException {
        HeaderReader reader = new HeaderReader(in);
        byte[] head = new byte[HEADER_BYTES];
        reader.readFully(head, HEADER_BYTES, "the AU header");
        String magic = Bytes.fourCC(head, 0);
        if (!magic.equals(".snd") && !magic.equals("dns.")) {
            throw new AudioFormatException("corrupt: not an AU file (starts with " + Bytes.quoted(magic) + ")");
        }
        boolean bigEndian = magic.equals(".snd");
        long dataOffset = Bytes.u32(head, 4, bigEndian);
        long dataSize = Bytes.u32(head, 8, bigEndian);
        long encoding = Bytes.u32(head, 12, bigEndian);
        long sampleRate = Bytes.u32(head, 16, bigEndian);
        long channels = Bytes.u32(head, 20, bigEndian);

        if (dataOffset < HEADER_BYTES) {
            throw new AudioFormatException("corrupt: AU data offset " + dataOffset + " lies inside the "
                    + HEADER_BYTES + "-byte header");
        }
        if (channels == 0 || channels > WavFormat.MAX_CHANNELS) {
            throw new AudioFormatException("corrupt: AU header declares " + channels + " channels");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new AudioFormatException("corrupt: AU header declares sample rate " + sampleRate);
        }
        SampleFormat sample = sampleFormat(encoding, bigEndian);
        reader.skip(dataOffset - HEADER_BYTES, "the AU annotation");
        long dataBytes = dataSize == UNKNOWN_SIZE ? -1 : dataSize;
        return new PcmStream(in, sample, (int) channels, (int) sampleRate, dataBytes, "AU header");
    }

    private static SampleFormat sampleFormat(long encoding, boolean bigEndian) throws UnsupportedAudioException {
        return switch ((int) Math.min(encoding, Integer.MAX_VALUE)) {
            case 1 -> SampleFormat.MULAW;
            case 2 -> SampleFormat.S8;
            case 3 -> SampleFormat.signedPcm(2, bigEndian);
            case 4 -> SampleFormat.signedPcm(3, bigEndian);
            case 5 -> SampleFormat.signedPcm(4, bigEndian);
            case 6 -> SampleFormat.ieeeFloat(4, bigEndian);
            case 7 -> SampleFormat.ieeeFloat(8, bigEndian);
            case 27 -> SampleFormat.ALAW;
            default -> {
                String name = encoding <= Integer.MAX_VALUE ? ENCODING_NAMES.get((int) encoding) : null;
                throw new UnsupportedAudioException("unsupported AU encoding " + encoding
                        + (name == null ? "" : " (" + name + ")"));
            }
        };
    }
}
