package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AIFF's tags read in this JVM ({@link AiffTags}) are the tags FFmpeg's demuxer reads from it: every case here is
 * read both ways ({@link BothReadings}), FFmpeg's whole dictionary against ours and the {@link TrackTags} made of them.
 * Files FFmpeg reads its own way must be left to it.
 */
class AiffTagsTest {

    @TempDir
    static Path dir;

    private static TrackTags same(Path file) throws IOException {
        return BothReadings.same(file, AiffTags::read);
    }

    private static void leftToFfmpeg(Path file) throws IOException {
        BothReadings.leftToFfmpeg(file, AiffTags::read);
    }

    @Test
    void whatFfmpegsMuxerWrites() throws Exception {
        TrackTags t = same(ToneFiles.write(dir.resolve("text.aiff"), "-metadata", "title=Night Train", "-metadata",
                "author=The Examples", "-metadata", "copyright=(c) nobody", "-metadata", "comment=Über café",
                "-c:a", "pcm_s16be"));
        assertEquals("Night Train", t.title());
        assertEquals("The Examples", t.artist()); // AUTH, FFmpeg's "author"
        same(ToneFiles.write(dir.resolve("sowt.aiff"), "-metadata", "title=Little end", "-c:a", "pcm_s16le"));
        same(ToneFiles.write(dir.resolve("float.aiff"), "-metadata", "title=Float", "-c:a", "pcm_f32be"));
        same(ToneFiles.write(dir.resolve("stereo24.aiff"), "-ac", "2", "-c:a", "pcm_s24be"));
        TrackTags id3 = same(ToneFiles.write(dir.resolve("id3.aiff"), "-metadata", "artist=Tagged", "-metadata",
                "genre=Alt. Rock", "-metadata", "date=2004", "-metadata", "track=3", "-c:a", "pcm_s16be",
                "-write_id3v2", "1"));
        assertEquals("Tagged", id3.artist());
        assertEquals(List.of("Alt. Rock"), id3.genres());
    }

    @Test
    void textChunksFfmpegsWay() throws Exception {
        TrackTags t = same(aiff("text-edges.aiff", chunk("NAME", "Odd"), chunk("AUTH", "First\0after a NUL"),
                chunk("ANNO", ""), chunkBytes("(c) ", "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("NAME", "set twice"), chunkBytes("FVER", new byte[] {(byte) 0xA2, (byte) 0x80, 0x51, 0x40})));
        assertEquals("set twice", t.title());
        // COMM after SSND: FFmpeg starts the audio there and reads nothing after it
        Path late = dir.resolve("comm-last.aiff");
        Files.write(late, form("AIFF", concat(chunk("NAME", "Before"), ssnd(800), common(1, 800, 16, 8000),
                chunk("NAME", "After the audio"))));
        assertEquals("Before", same(late).title());
        byte[] tag = new Id3Bytes(3).text("TIT2", "Chunked").text("TPE1", "Iff Artist").text("TCON", "(8)").bytes();
        TrackTags id3 = same(aiff("id3-alone.aiff", chunkBytes("ID3 ", tag)));
        assertEquals(List.of("Jazz"), id3.genres());
        TrackTags multi = same(aiff("id3-multi.aiff", chunkBytes("ID3 ", new Id3Bytes(4).text("TCON", "Rock\0Pop")
                .bytes())));
        assertEquals(List.of("Rock", "Pop"), multi.genres()); // every value, as before
    }

    @Test
    void whatFfmpegMustReadItself() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TIT2", "One").bytes();
        leftToFfmpeg(aiff("id3-and-name.aiff", chunkBytes("ID3 ", tag), chunk("NAME", "x")));
        leftToFfmpeg(aiff("two-id3.aiff", chunkBytes("ID3 ", tag), chunkBytes("ID3 ", tag)));
        leftToFfmpeg(aiff("lower-id3.aiff", chunkBytes("id3 ", tag)));
        leftToFfmpeg(aiff("chan.aiff", chunkBytes("CHAN", new byte[24])));
        // FFmpeg reads four bytes of a version chunk whatever its size (the fuzzer's crash-1d405d9a…), and a version
        // before COMM decides whether COMM is read as AIFF-C's
        leftToFfmpeg(aiff("short-fver.aiff", chunkBytes("FVER", new byte[] {'T', 0})));
        Path versionFirst = dir.resolve("aifc-version-in-aiff.aiff");
        Files.write(versionFirst, form("AIFF", concat(chunkBytes("FVER", new byte[] {(byte) 0xA2, (byte) 0x80, 0x51,
                0x40}), common(1, 800, 16, 8000), ssnd(800))));
        leftToFfmpeg(versionFirst);
        Path wrongSize = aiff("wrong-form-size.aiff", chunk("NAME", "x"));
        byte[] b = Files.readAllBytes(wrongSize);
        ByteBuffer.wrap(b).putInt(4, b.length);
        Files.write(wrongSize, b);
        leftToFfmpeg(wrongSize);
        Path noChannels = dir.resolve("no-channels.aiff");
        Files.write(noChannels, form("AIFF", concat(common(0, 800, 16, 8000), ssnd(800))));
        leftToFfmpeg(noChannels);
        Path noSound = dir.resolve("no-sound.aiff");
        Files.write(noSound, form("AIFF", concat(common(1, 800, 16, 8000), chunk("NAME", "x"))));
        leftToFfmpeg(noSound);
        Path ima = dir.resolve("ima4.aifc");
        byte[] comm = common(1, 800, 16, 8000);
        byte[] aifcComm = concat(header("COMM", 22), ByteBuffer.allocate(22).put(comm, 8, 18)
                .put("ima4".getBytes(StandardCharsets.US_ASCII)).array());
        Files.write(ima, form("AIFC", concat(aifcComm, ssnd(800))));
        leftToFfmpeg(ima);
    }

    // --- AIFF bytes ------------------------------------------------------------------------------------------------

    /** 8 kHz mono 16-bit AIFF: COMM, SSND with 800 frames, then {@code chunks}. */
    private static Path aiff(String name, byte[]... chunks) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, form("AIFF", concat(common(1, 800, 16, 8000), ssnd(800), concat(chunks))));
        return file;
    }

    private static byte[] form(String type, byte[] chunks) {
        return concat(header("FORM", 4 + chunks.length), type.getBytes(StandardCharsets.US_ASCII), chunks);
    }

    /** A COMM chunk; the rate as IEEE 754 80-bit extended (AIFF 1.3). */
    private static byte[] common(int channels, int frames, int bits, int rate) {
        int power = 31 - Integer.numberOfLeadingZeros(rate);
        ByteBuffer b = ByteBuffer.allocate(18).putShort((short) channels).putInt(frames).putShort((short) bits)
                .putShort((short) (16383 + power)).putLong((long) rate << (63 - power));
        return chunkBytes("COMM", b.array());
    }

    private static byte[] ssnd(int frames) {
        byte[] samples = new byte[8 + 2 * frames];
        for (int i = 8; i < samples.length; i++) {
            samples[i] = (byte) (i * 5);
        }
        return chunkBytes("SSND", samples);
    }

    private static byte[] chunk(String id, String text) {
        return chunkBytes(id, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A chunk, padded to an even length. */
    private static byte[] chunkBytes(String id, byte[] body) {
        return concat(header(id, body.length), body, new byte[body.length & 1]);
    }

    private static byte[] header(String id, int size) {
        return ByteBuffer.allocate(8).put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(size).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
