package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioDecoders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegDecoderSniffTest {

    private final FfmpegDecoder decoder = new FfmpegDecoder();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private boolean sniff(byte[] b) {
        return decoder.sniff(b, b.length);
    }

    @Test
    void recognisesCompressedAudioByMagicBytes() {
        assertTrue(sniff(ascii("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000")));
        assertTrue(sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}), "MPEG-1 Layer III frame");
        assertTrue(sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80}), "ADTS AAC");
        assertTrue(sniff(new byte[] {(byte) 0xFF, (byte) 0xF9, 0x50, (byte) 0x80}), "ADTS AAC, MPEG-2");
        assertTrue(sniff(ascii("fLaC\u0000\u0000\u0000\"")));
        assertTrue(sniff(ascii("OggS\u0000\u0002")));
        assertTrue(sniff(ascii("\u0000\u0000\u0000\u0020ftypM4A ")));
    }

    @Test
    void leavesOtherBytesAlone() {
        assertFalse(sniff(ascii("This is a plain text file, not audio at all.")));
        assertFalse(sniff(new byte[] {(byte) 0xFF}), "one byte is not a frame sync");
        assertFalse(sniff(new byte[0]));
    }

    /** Matroska is not in the magic-byte list; FFmpeg's probe recognises its EBML header. */
    @Test
    void fallsBackToFfmpegsProbe(@TempDir Path dir) throws IOException {
        assumeTrue(SineEncoder.MKA.encoder() != null);
        Path file = dir.resolve("sine.mka");
        new SineEncoder(SineEncoder.MKA).seconds(0.1).writeTo(file);
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), AudioDecoders.SNIFF_BYTES);

        assertFalse(CompressedAudioMagic.matches(head, head.length));
        assertTrue(sniff(head));
    }

    @Test
    void standardRegistryTriesTheJavaDecodersThenFfmpegLast() {
        List<AudioDecoder> decoders = AudioDecoders.standard().decoders();
        String choice = System.getProperty("genrelake.mp3", System.getenv("GENRELAKE_MP3_DECODER"));
        boolean ffmpegForMp3 = choice != null && choice.trim().equalsIgnoreCase("ffmpeg");
        assertEquals(ffmpegForMp3 ? List.of("wav", "au", "aiff", "java-flac", "ffmpeg")
                : List.of("wav", "au", "aiff", "java-mp3", "java-flac", "ffmpeg"),
                decoders.stream().map(AudioDecoder::name).toList());
    }
}
