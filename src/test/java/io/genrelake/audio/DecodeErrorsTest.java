package io.genrelake.audio;

import static io.genrelake.audio.Decoding.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that cannot be decoded fail with the right exception type and a reason a user can act on. */
class DecodeErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    @Test
    void emptyFile() throws IOException {
        AudioFormatException e = assertFails(AudioFormatException.class, write("empty.wav", new byte[0]), "empty file");
        assertEquals("empty file", e.getMessage());
        assertEquals("empty.wav", e.source());
    }

    @Test
    void threeRandomBytes() throws IOException {
        assertFails(UnsupportedAudioException.class, write("noise.wav", new byte[] {0x12, 0x34, (byte) 0xAB}),
                "unsupported format: not WAV, AU or AIFF (starts with 0x12 0x34 0xab)");
    }

    @Test
    void otherRiffFormIsNotAudio() throws IOException {
        byte[] avi = ByteWriter.le().ascii("RIFF").u32(4).ascii("AVI ").toByteArray();
        assertFails(UnsupportedAudioException.class, write("movie.wav", avi), "unsupported format", "0x52 0x49 0x46 0x46");
    }

    @Test
    void truncatedDataChunkFailsWhileReading() throws IOException {
        byte[] full = WavFileBuilder.pcm(16, 1, 22050).data(new byte[1000]).build();
        Path file = write("cut.wav", java.util.Arrays.copyOf(full, 44 + 400));
        assertFails(AudioFormatException.class, file,
                "truncated: data chunk declares 1000 bytes, stream ended after 400");
        // The reason repeats on every later read instead of turning into a clean end.
        try (InputStream in = Files.newInputStream(file); AudioStream s = AudioDecoders.builtIn().open(in, "cut.wav")) {
            assertEquals(500, s.frameCount());
            float[] buf = new float[100];
            AudioFormatException first = assertThrows(AudioFormatException.class, () -> {
                while (s.readMono(buf, 0, buf.length) >= 0) {
                    // keep reading
                }
            });
            assertEquals("cut.wav", first.source());
            AudioFormatException again = assertThrows(AudioFormatException.class, () -> s.readMono(buf, 0, buf.length));
            assertEquals(first.getMessage(), again.getMessage());
        }
    }

    @Test
    void truncatedLongDataChunkAlsoFailsThroughTheLoader() throws IOException {
        byte[] full = WavFileBuilder.pcm(16, 2, 44100).data(new byte[400_000]).build();
        Path file = write("long-cut.wav", java.util.Arrays.copyOf(full, 300_044));
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioLoader.load(file));
        assertEquals("truncated: data chunk declares 400000 bytes, stream ended after 300000", e.getMessage());
    }

    @Test
    void headerCutInsideFmt() throws IOException {
        byte[] cut = WavFileBuilder.pcm(16, 1, 22050).cutAt(12 + 8 + 6).build();
        assertFails(AudioFormatException.class, write("fmtcut.wav", cut), "truncated", "fmt chunk", "6 of 16 bytes");
    }

    @Test
    void headerCutInsideAnUnknownChunk() throws IOException {
        byte[] cut = WavFileBuilder.pcm(16, 1, 22050).chunkBeforeData("LIST", new byte[100]).cutAt(12 + 24 + 8 + 50).build();
        assertFails(AudioFormatException.class, write("listcut.wav", cut), "truncated", "'LIST' chunk");
    }

    @Test
    void noDataChunk() throws IOException {
        byte[] noData = WavFileBuilder.pcm(16, 1, 22050).build();
        Path file = write("nodata.wav", java.util.Arrays.copyOf(noData, 36)); // RIFF header + fmt only
        assertFails(AudioFormatException.class, file, "no data chunk");
    }

    @Test
    void unsupportedWavTagNamesTheCodec() throws IOException {
        Path adpcm = WavFileBuilder.pcm(4, 1, 22050).tag(2).blockAlign(256).data(new byte[256]).write(dir, "adpcm.wav");
        assertFails(UnsupportedAudioException.class, adpcm, "unsupported WAV format tag 0x0002 (MS ADPCM)");
        Path mp3 = WavFileBuilder.pcm(0, 2, 44100).tag(0x55).blockAlign(1).write(dir, "mp3.wav");
        assertFails(UnsupportedAudioException.class, mp3, "0x0055 (MP3)");
        Path other = WavFileBuilder.pcm(16, 1, 22050).tag(0x1234).write(dir, "other.wav");
        assertFails(UnsupportedAudioException.class, other, "unsupported WAV format tag 0x1234");
    }

    @Test
    void unsupportedBitDepths() throws IOException {
        Path f16 = WavFileBuilder.pcm(16, 1, 22050).tag(3).write(dir, "f16.wav");
        assertFails(UnsupportedAudioException.class, f16, "IEEE float", "16 bits");
        Path s40 = WavFileBuilder.pcm(40, 1, 22050).write(dir, "s40.wav");
        assertFails(UnsupportedAudioException.class, s40, "PCM", "40 bits");
    }

    @Test
    void unknownExtensibleSubFormat() throws IOException {
        byte[] ambisonic = {0x00, 0x00, 0x21, 0x07, (byte) 0xD3, 0x11, (byte) 0x86, 0x44, (byte) 0xC8, (byte) 0xC1, (byte) 0xCA, 0x00};
        Path file = WavFileBuilder.pcm(16, 4, 48000).extensible(1, 16).guidTail(ambisonic).write(dir, "ambi.wav");
        assertFails(UnsupportedAudioException.class, file, "unsupported WAV extensible sub-format {01000000");
    }

    @Test
    void zeroChannelsIsCorruptNotUnsupported() throws IOException {
        Path file = WavFileBuilder.pcm(16, 0, 22050).blockAlign(2).write(dir, "zero-ch.wav");
        assertFails(AudioFormatException.class, file, "corrupt", "0 channels");
    }

    @Test
    void zeroRate() throws IOException {
        Path file = WavFileBuilder.pcm(16, 1, 22050).sampleRate(0).write(dir, "zero-rate.wav");
        assertFails(AudioFormatException.class, file, "corrupt", "sample rate 0");
    }

    @Test
    void blockAlignInconsistentWithChannelsAndBits() throws IOException {
        Path file = WavFileBuilder.pcm(16, 2, 22050).blockAlign(3).write(dir, "align.wav");
        assertFails(AudioFormatException.class, file, "corrupt", "block align 3", "2 channel(s) of 16-bit");
    }

    @Test
    void dataBeforeFmt() throws IOException {
        byte[] bad = ByteWriter.le().ascii("RIFF").u32(100).ascii("WAVE").ascii("data").u32(2).u16(0).toByteArray();
        assertFails(AudioFormatException.class, write("order.wav", bad), "data chunk before fmt chunk");
    }

    @Test
    void fmtTooShort() throws IOException {
        byte[] bad = ByteWriter.le().ascii("RIFF").u32(100).ascii("WAVE").ascii("fmt ").u32(8).u32(0).u32(0).toByteArray();
        assertFails(AudioFormatException.class, write("short-fmt.wav", bad), "fmt chunk is 8 bytes");
    }

    @Test
    void unsupportedAuEncoding() throws IOException {
        Path file = new AuFileBuilder(23).data(new byte[10]).write(dir, "g721.au");
        assertFails(UnsupportedAudioException.class, file, "unsupported AU encoding 23", "G.721");
        Path unknown = new AuFileBuilder(99).write(dir, "e99.au");
        assertFails(UnsupportedAudioException.class, unknown, "unsupported AU encoding 99");
    }

    @Test
    void auCorruptHeaders() throws IOException {
        assertFails(AudioFormatException.class, new AuFileBuilder(3).dataOffsetField(16).write(dir, "off.au"),
                "corrupt", "data offset 16");
        assertFails(AudioFormatException.class, new AuFileBuilder(3).channels(0).write(dir, "ch.au"), "0 channels");
        assertFails(AudioFormatException.class, new AuFileBuilder(3).sampleRate(0).write(dir, "rate.au"), "sample rate 0");
        assertFails(AudioFormatException.class, write("short.au", ByteWriter.be().ascii(".snd").u32(24).toByteArray()),
                "truncated", "AU header");
    }

    @Test
    void truncatedAuData() throws IOException {
        Path file = new AuFileBuilder(3).dataSizeField(1000).data(new byte[10]).write(dir, "cut.au");
        assertFails(AudioFormatException.class, file, "truncated: AU header declares 1000 bytes, stream ended after 10");
    }

    @Test
    void aifcWithUnknownCompression() throws IOException {
        Path ima = AiffFileBuilder.aifc("ima4", 16, 1, 22050).data(new byte[34], 64).write(dir, "ima.aifc");
        assertFails(UnsupportedAudioException.class, ima, "unsupported AIFC compression 'ima4' (IMA 4:1 ADPCM)");
        Path odd = AiffFileBuilder.aifc("zzzz", 16, 1, 22050).write(dir, "zzzz.aifc");
        assertFails(UnsupportedAudioException.class, odd, "unsupported AIFC compression 'zzzz'");
    }

    @Test
    void aiffCorruptOrIncomplete() throws IOException {
        assertFails(AudioFormatException.class, AiffFileBuilder.aiff(16, 0, 22050).write(dir, "ch.aiff"), "corrupt", "0 channels");
        assertFails(AudioFormatException.class, AiffFileBuilder.aiff(16, 1, 0).write(dir, "rate.aiff"), "corrupt", "sample rate");
        byte[] commOnly = ByteWriter.be().ascii("FORM").u32(30).ascii("AIFF").ascii("COMM").u32(18)
                .u16(1).u32(0).u16(16).bytes(AiffFileBuilder.extended(22050)).toByteArray();
        assertFails(AudioFormatException.class, write("nossnd.aiff", commOnly), "no SSND chunk");
        byte[] ssndOnly = ByteWriter.be().ascii("FORM").u32(20).ascii("AIFF").ascii("SSND").u32(10)
                .u32(0).u32(0).u16(0).toByteArray();
        assertFails(AudioFormatException.class, write("nocomm.aiff", ssndOnly), "no COMM chunk");
    }

    @Test
    void truncatedSsnd() throws IOException {
        byte[] full = AiffFileBuilder.aiff(16, 1, 22050).data(new byte[200], 100).build();
        Path file = write("cut.aiff", java.util.Arrays.copyOf(full, full.length - 150));
        assertFails(AudioFormatException.class, file, "truncated: SSND chunk declares 200 bytes, stream ended after 50");
    }

    @Test
    void errorsNameTheirSourceInToString() throws IOException {
        Path file = write("x.bin", new byte[] {1, 2, 3, 4});
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> AudioLoader.load(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.toString().contains(file.toString() + ": unsupported format"), e.toString());
    }
}
