package io.genrelake.audio;

import java.util.Map;

/** A parsed WAV fmt chunk: validates it and maps its format tag to a {@link SampleFormat}. */
record WavFormat(int channels, int sampleRate, SampleFormat sample) {

    static final int TAG_PCM = 0x0001;
    static final int TAG_IEEE_FLOAT = 0x0003;
    static final int TAG_ALAW = 0x0006;
    static final int TAG_MULAW = 0x0007;
    static final int TAG_EXTENSIBLE = 0xFFFE;

    /** libsndfile's limit (SF_MAX_CHANNELS); more is a corrupt header, not a real file. */
    static final int MAX_CHANNELS = 1024;

    /** Names of common tags we do not decode, so messages say what the file is. */
    private static final Map<Integer, String> TAG_NAMES = Map.of(
            0x0002, "MS ADPCM",
            0x0011, "IMA ADPCM",
            0x0031, "GSM 6.10",
            0x0050, "MPEG",
            0x0055, "MP3",
            0x00FF, "AAC",
            0x0161, "WMA",
            0x2000, "AC-3",
            0xF1AC, "FLAC");

    /** KSDATAFORMAT_SUBTYPE_* GUID bytes 4..15; bytes 0..3 hold the format tag. */
    private static final byte[] GUID_TAIL_LE = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private static final byte[] GUID_TAIL_BE = {0x00, 0x00, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    static WavFormat parse(byte[] fmt, int length, boolean bigEndian) throws AudioFormatException {
        int tag = Bytes.u16(fmt, 0, bigEndian);
        int channels = Bytes.u16(fmt, 2, bigEndian);
        long sampleRate = Bytes.u32(fmt, 4, bigEndian);
        int blockAlign = Bytes.u16(fmt, 12, bigEndian);
        int bits = Bytes.u16(fmt, 14, bigEndian);

        if (channels == 0) {
            throw new AudioFormatException("corrupt: fmt chunk declares 0 channels");
        }
        if (channels > MAX_CHANNELS) {
            throw new AudioFormatException("corrupt: fmt chunk declares " + channels + " channels (at most " + MAX_CHANNELS + ")");
        }
        if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
            throw new AudioFormatException("corrupt: fmt chunk declares sample rate " + sampleRate);
        }

        int effectiveTag = tag;
        if (tag == TAG_EXTENSIBLE) {
            effectiveTag = extensibleSubFormat(fmt, length, bigEndian);
        }
        SampleFormat sample = sampleFormat(tag, effectiveTag, bits, bigEndian);

        int expectedAlign = sample.bytes * channels;
        if (blockAlign != expectedAlign) {
            throw new AudioFormatException("corrupt: block align " + blockAlign + " does not match "
                    + channels + " channel(s) of " + bits + "-bit samples (" + expectedAlign + ")");
        }
        return new WavFormat(channels, (int) sampleRate, sample);
    }

    /** The sub-format tag from a WAVE_FORMAT_EXTENSIBLE fmt chunk (wValidBitsPerSample is informational only). */
    private static int extensibleSubFormat(byte[] fmt, int length, boolean bigEndian) throws AudioFormatException {
        if (length < 40 || Bytes.u16(fmt, 16, bigEndian) < 22) {
            throw new AudioFormatException("corrupt: WAVE_FORMAT_EXTENSIBLE fmt chunk is " + length
                    + " bytes, 40 needed");
        }
        boolean knownGuid = tailMatches(fmt, GUID_TAIL_LE) || tailMatches(fmt, GUID_TAIL_BE);
        long subTag = Bytes.u32(fmt, 24, bigEndian);
        if (!knownGuid || subTag > 0xFFFF) {
            throw new UnsupportedAudioException("unsupported WAV extensible sub-format " + guid(fmt));
        }
        return (int) subTag;
    }

    private static boolean tailMatches(byte[] fmt, byte[] tail) {
        for (int i = 0; i < tail.length; i++) {
            if (fmt[28 + i] != tail[i]) {
                return false;
            }
        }
        return true;
    }

    private static SampleFormat sampleFormat(int tag, int effectiveTag, int bits, boolean bigEndian)
            throws UnsupportedAudioException {
        int containerBytes = (bits + 7) / 8;
        SampleFormat sample = switch (effectiveTag) {
            // WAV 8-bit PCM is unsigned, wider PCM signed; odd widths (12, 20 bits) sit in the next whole byte.
            case TAG_PCM -> bits == 0 ? null
                    : containerBytes == 1 ? SampleFormat.U8 : SampleFormat.signedPcm(containerBytes, bigEndian);
            case TAG_IEEE_FLOAT -> bits == 32 || bits == 64 ? SampleFormat.ieeeFloat(containerBytes, bigEndian) : null;
            case TAG_ALAW -> bits == 8 ? SampleFormat.ALAW : null;
            case TAG_MULAW -> bits == 8 ? SampleFormat.MULAW : null;
            default -> throw new UnsupportedAudioException("unsupported WAV format tag " + tagName(effectiveTag));
        };
        if (sample == null) {
            throw new UnsupportedAudioException("unsupported WAV " + kind(effectiveTag) + " with " + bits
                    + " bits per sample" + (tag == TAG_EXTENSIBLE ? " (extensible)" : ""));
        }
        return sample;
    }

    private static String kind(int tag) {
        return switch (tag) {
            case TAG_PCM -> "PCM";
            case TAG_IEEE_FLOAT -> "IEEE float";
            case TAG_ALAW -> "A-law";
            default -> "μ-law";
        };
    }

    static String tagName(int tag) {
        String hex = String.format("0x%04X", tag);
        String name = TAG_NAMES.get(tag);
        return name == null ? hex : hex + " (" + name + ")";
    }

    private static String guid(byte[] fmt) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 24; i < 40; i++) {
            s.append(String.format("%02X", fmt[i] & 0xFF));
        }
        return s.append('}').toString();
    }
}
