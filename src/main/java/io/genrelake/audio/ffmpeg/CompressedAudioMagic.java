package io.genrelake.audio.ffmpeg;

/**
 * The leading bytes of the compressed formats this project expects, checked in Java so that
 * sniffing them never loads FFmpeg's natives.
 */
final class CompressedAudioMagic {

    private CompressedAudioMagic() {}

    static boolean matches(byte[] h, int length) {
        return startsWith(h, length, 0, "ID3")        // MP3 (or AAC/FLAC) behind an ID3v2 tag
                || mpegFrameSync(h, length)           // MP1/2/3 frames and ADTS AAC (0xFFF1, 0xFFF9)
                || startsWith(h, length, 0, "fLaC")
                || startsWith(h, length, 0, "OggS")   // Vorbis, Opus, FLAC in Ogg
                || startsWith(h, length, 4, "ftyp");  // MP4/M4A/3GP
    }

    /** Eleven set bits: the MPEG audio frame sync, which ADTS headers also start with. */
    private static boolean mpegFrameSync(byte[] h, int length) {
        return length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0;
    }

    private static boolean startsWith(byte[] h, int length, int offset, String ascii) {
        if (length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (h[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
