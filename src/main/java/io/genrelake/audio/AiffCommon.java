package io.genrelake.audio;

import java.io.InputStream;
import java.util.Map;

/** A parsed AIFF/AIFC COMM chunk: channel count, rate and the sample encoding it implies. */
record AiffCommon(int channels, int sampleRate, SampleFormat sample) {

    /** Names of AIFC compression types we do not decode, so messages say what the file is. */
    private static final Map<String, String> COMPRESSION_NAMES = Map.of(
            "ima4", "IMA 4:1 ADPCM",
            "MAC3", "MACE 3:1",
            "MAC6", "MACE 6:1",
            "GSM ", "GSM 6.10",
            "sdx2", "SDX2",
            "Qclp", "QCELP",
            "QDM2", "QDesign 2",
            "G722", "G.722",
            "G726", "G.726");

    static AiffCommon parse(byte[] comm, boolean aifc) throws AudioFormatException {
        int channels = (short) Bytes.u16(comm, 0, true);
        int bits = (short) Bytes.u16(comm, 6, true);
        int sampleRate = ExtendedFloat.toSampleRate(comm, 8);
        if (channels <= 0 || channels > WavFormat.MAX_CHANNELS) {
            throw new AudioFormatException("corrupt: COMM chunk declares " + channels + " channels");
        }
        if (sampleRate <= 0) {
            throw new AudioFormatException("corrupt: COMM chunk declares sample rate "
                    + ExtendedFloat.toDouble(comm, 8));
        }
        String compression = aifc ? Bytes.fourCC(comm, 18) : "NONE";
        return new AiffCommon(channels, sampleRate, sampleFormat(compression, bits));
    }

    /** Compression types as libsndfile's aiff.c reads them; the sample size only matters for PCM. */
    private static SampleFormat sampleFormat(String compression, int bits) throws AudioFormatException {
        return switch (compression) {
            case "NONE", "twos" -> pcm(bits, true);
            case "sowt" -> pcm(bits, false);
            case "raw " -> SampleFormat.U8;
            case "in24" -> SampleFormat.S24BE;
            case "in32" -> SampleFormat.S32BE;
            case "42ni" -> SampleFormat.S24LE;
            case "23ni" -> SampleFormat.S32LE;
            case "fl32", "FL32" -> SampleFormat.F32BE;
            case "fl64", "FL64" -> SampleFormat.F64BE;
            case "ulaw", "ULAW" -> SampleFormat.MULAW;
            case "alaw", "ALAW" -> SampleFormat.ALAW;
            default -> {
                String name = COMPRESSION_NAMES.get(compression);
                throw new UnsupportedAudioException("unsupported AIFC compression " + Bytes.quoted(compression)
                        + (name == null ? "" : " (" + name + ")"));
            }
        };
    }

    /** Integer PCM: 1–32 significant bits in the next whole number of bytes; 8-bit AIFF is signed. */
    private static SampleFormat pcm(int bits, boolean bigEndian) throws AudioFormatException {
        if (bits < 1 || bits > 32) {
            throw new UnsupportedAudioException("unsupported AIFF sample size " + bits + " bits");
        }
        return SampleFormat.signedPcm((bits + 7) / 8, bigEndian);
    }

    PcmStream stream(InputStream samples, long dataBytes) {
        return new PcmStream(samples, sample, channels, sampleRate, dataBytes, "SSND chunk");
    }
}
