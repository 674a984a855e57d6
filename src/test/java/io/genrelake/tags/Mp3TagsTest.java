package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MP3's tags read in this JVM ({@link Mp3Tags}) are the tags FFmpeg's demuxer reads from it
 * ({@link TagReader#readWithFfmpeg}): every case here is read both ways and must come out the same, field by field
 * and warning by warning. The 400 real files of ../shared/emotify are compared in {@link EmotifyTagsTest}.
 */
class Mp3TagsTest {

    private static final String MBID = "9e5f9d9c-1f0a-4c3e-8f4e-2b7c1d3e4f50";

    @TempDir
    static Path dir;

    private static byte[] bareMp3;

    @BeforeAll
    static void writeBareMp3() throws Exception {
        bareMp3 = ToneFiles.bareMp3(dir);
    }

    private static Path ffmpeg(String name, String... args) throws Exception {
        return ToneFiles.write(dir.resolve(name), args);
    }

    /** Reads {@code file} both ways: the JVM's reading must be taken and must equal FFmpeg's. */
    private static TrackTags same(Path file) throws IOException {
        TrackTags[] both = both(file);
        assertEquals(both[0], both[1], file.getFileName().toString());
        return both[1];
    }

    /** FFmpeg's reading and this JVM's, which must be the one taken. */
    private static TrackTags[] both(Path file) throws IOException {
        TrackTags ffmpeg;
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            ffmpeg = TagReader.readWithFfmpeg(in);
        }
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            assertNotNull(Mp3Tags.read(in, Files.size(file)), file + " is read in this JVM");
        }
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            TrackTags here = TagReader.read(in);
            assertEquals(0, in.input().position(), "the stream is back at its start");
            return new TrackTags[] {ffmpeg, here};
        }
    }

    private static Path file(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    @Test
    void whatFfmpegsMuxerWrites() throws Exception {
        TrackTags v24 = same(ffmpeg("v24.mp3", "-metadata", "title=Night Train", "-metadata", "artist=The Examples",
                "-metadata", "album_artist=Various Examples", "-metadata", "album=Test Pressing", "-metadata",
                "genre=Alt. Rock", "-metadata", "date=2004-05-01", "-metadata", "track=3/12", "-metadata",
                "MusicBrainz Album Id=" + MBID, "-c:a", "libmp3lame"));
        assertEquals("Various Examples", v24.albumArtist());
        assertEquals(MBID, v24.mbReleaseId());
        assertEquals(2004, v24.year());
        TrackTags v23 = same(ffmpeg("v23.mp3", "-metadata", "artist=Ä", "-metadata", "genre=(17)", "-metadata",
                "date=1999", "-c:a", "libmp3lame", "-id3v2_version", "3"));
        assertEquals(List.of("Rock"), v23.genres());
        assertEquals("Ä", v23.artist());
        same(ffmpeg("xing.mp3", "-metadata", "title=With a Xing frame", "-c:a", "libmp3lame"));
        same(ffmpeg("v1too.mp3", "-metadata", "title=Both tags", "-c:a", "libmp3lame", "-write_id3v1", "1"));
    }

    @Test
    void id3v23DatesAndNumbers() throws Exception {
        TrackTags t = same(file("dates.mp3", new Id3Bytes(3).text("TYER", "1999").text("TDAT", "0305")
                .text("TIME", "1230").text("TRCK", "7/9").text("TCON", "(17)Rock").text("TCON", "Pop").bytes(),
                bareMp3));
        assertEquals(1999, t.year());
        assertEquals(7, t.trackNumber());
        same(file("tdrc.mp3", new Id3Bytes(3).text("TDRC", "2001").text("TYER", "19x9").bytes(), bareMp3));
        same(file("numbers.mp3", new Id3Bytes(3).text("TCON", " 79").text("TPE1", "x").bytes(), bareMp3));
        same(file("negative.mp3", new Id3Bytes(3).text("TCON", "-1").bytes(), bareMp3));
        same(file("beyond.mp3", new Id3Bytes(3).text("TCON", "(200)").bytes(), bareMp3));
    }

    @Test
    void id3v22AndV24() throws Exception {
        TrackTags v22 = same(file("v22.mp3", new Id3Bytes(2).text("TT2", "Two").text("TP1", "Old").text("TP2", "Va")
                .text("TAL", "Alb").text("TCO", "(13)").text("TYE", "1998").text("TDA", "3112").text("TRK", "4")
                .text("TXX", "MusicBrainz Album Id\0" + MBID).bytes(), bareMp3));
        assertEquals(List.of("Pop"), v22.genres());
        assertEquals(MBID, v22.mbReleaseId());
        TrackTags v24 = same(file("v24multi.mp3", new Id3Bytes(4).text("TPE1", "A\0B").text("TCON", "Rock\0Pop")
                .text("TDRC", "2010-02").text("TXXX", "musicbrainz_trackid\0" + MBID).bytes(), bareMp3));
        assertEquals("A", v24.artist());
        assertEquals(List.of("Rock", "Pop"), v24.genres());
        assertEquals(MBID, v24.mbRecordingId());
    }

    @Test
    void utf16AndUnsynchronisedTags() throws Exception {
        same(file("utf16.mp3", new Id3Bytes(3).frame("TIT2", utf16("Über", true)).frame("TPE1", utf16("Zoë", false))
                .bytes(), bareMp3));
        // The one difference: a wholly unsynchronised 2.3 tag is unsynchronised after its frames are assembled
        // (ID3v2.3.0 section 5), so frame sizes count the bytes before it, as id3lib writes them; FFmpeg counts the
        // written bytes (2.4's rule for its per-frame scheme) and cuts a value that held 0xFF bytes by as many.
        TrackTags[] unsync = both(file("unsync.mp3", new Id3Bytes(3).text("TIT2", "ÿÿ Unsync").text("TCON", "Jazz")
                .unsynchronised().bytes(), bareMp3));
        assertEquals("ÿÿ Unsy", unsync[0].title());
        assertEquals("ÿÿ Unsync", unsync[1].title());
        assertEquals(List.of("Jazz"), unsync[1].genres());
    }

    /** Encoding 1 with a byte order mark, little- or big-endian, and a closing NUL. */
    private static byte[] utf16(String text, boolean littleEndian) {
        byte[] chars = text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(1 + 2 + chars.length + 2);
        b.put((byte) 1).put(littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE,
                (byte) 0xFF}).put(chars).put(new byte[2]);
        return b.array();
    }

    @Test
    void theId3v1TagCountsOnlyWhereTheId3v2TagGaveNothing() throws Exception {
        byte[] v1 = id3v1("Old", "Someone", "1987", 7, 79);
        TrackTags only = same(file("v1.mp3", bareMp3, v1));
        assertEquals("Old", only.title());
        assertEquals(List.of("Hard Rock"), only.genres());
        assertEquals(7, only.trackNumber());
        assertEquals("Kept", same(file("v2v1.mp3", new Id3Bytes(3).text("TIT2", "Kept").bytes(), bareMp3, v1))
                .title());
        assertNull(same(file("encoder.mp3", new Id3Bytes(3).text("TSSE", "Lavf").bytes(), bareMp3, v1)).title());
        assertEquals("Old", same(file("empty.mp3", new Id3Bytes(3).text("TIT2", "").bytes(), bareMp3, v1)).title());
        byte[] comment = "\0eng\0A comment".getBytes(StandardCharsets.ISO_8859_1);
        assertNull(same(file("comment.mp3", new Id3Bytes(3).frame("COMM", comment).bytes(), bareMp3, v1)).title());
        byte[] lyrics = "\0engHello\0Long lyrics".getBytes(StandardCharsets.ISO_8859_1);
        same(file("lyrics.mp3", new Id3Bytes(3).frame("USLT", lyrics).bytes(), bareMp3, v1));
        same(file("comment22.mp3", new Id3Bytes(2).frame("COM", comment).bytes(), bareMp3, v1));
        same(file("lyrics22.mp3", new Id3Bytes(2).frame("ULT", lyrics).bytes(), bareMp3, v1));
        same(file("picture.mp3", new Id3Bytes(3).frame("APIC", new byte[2000]).bytes(), bareMp3, v1));
        same(file("nogenre.mp3", bareMp3, id3v1("No genre", "", "", 0, 255)));
    }

    /** FFmpeg's mp3 demuxer does not read an APEv2 tag: neither does this reader. */
    @Test
    void anApeTagIsNotRead() throws Exception {
        TrackTags t = same(file("ape.mp3", bareMp3, apeTag("Title", "From APE")));
        assertNull(t.title());
        assertEquals("Old", same(file("ape-v1.mp3", bareMp3, apeTag("Title", "From APE"), id3v1("Old", "", "", 0,
                255))).title());
    }

    /** An APEv2 tag of one text item and its footer (no header), as written before an ID3v1 tag or at the end. */
    private static byte[] apeTag(String key, String value) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int items = 8 + k.length + 1 + v.length;
        ByteBuffer b = ByteBuffer.allocate(items + 32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(v.length).putInt(0).put(k).put((byte) 0).put(v);
        b.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(items + 32).putInt(1).putInt(0)
                .putLong(0);
        return b.array();
    }

    /** An ID3v1.1 tag: the last 128 bytes of the file. */
    private static byte[] id3v1(String title, String artist, String year, int track, int genre) {
        byte[] tag = new byte[128];
        put(tag, 0, "TAG");
        put(tag, 3, title);
        put(tag, 33, artist);
        put(tag, 93, year);
        tag[126] = (byte) track;
        tag[127] = (byte) genre;
        return tag;
    }

    private static void put(byte[] into, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, into, at, b.length);
    }

    /** A tag our walk warns about is FFmpeg's to read: it reads on where ours stops. */
    @Test
    void aCorruptTagIsLeftToFfmpeg() throws Exception {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        Path corrupt = file("corrupt.mp3", new Id3Bytes(3).text("TIT2", "Before").raw(garbage).bytes(), bareMp3);
        assertNull(mp3(corrupt));
        // FFmpeg stops at a frame too short for its data length indicator (the fuzzer's crash-4e1ad125…)
        assertNull(mp3(file("short-dli.mp3", new Id3Bytes(4).frame("TIT2", 0x01, new byte[] {3, 'T', 0})
                .text("TPE1", "A").bytes(), bareMp3)));
    }

    /**
     * Frame flags FFmpeg reads otherwise: ID3v2.4's bit values in ID3v2.3 frames too, a 2.4 grouping byte kept in the
     * text. Such tags are FFmpeg's to read.
     */
    @Test
    void framesWhoseFlagsFfmpegReadsOtherwiseAreLeftToIt() throws Exception {
        byte[] v23 = new Id3Bytes(3).frame("TIT2", 0x20, new byte[] {7, 0, 'G', 'r', 'o', 'u', 'p'}).bytes();
        assertNull(mp3(file("v23-grouped.mp3", v23, bareMp3)));
        byte[] v24 = new Id3Bytes(4).frame("TIT2", 0x40, new byte[] {7, 3, 'G', 'r', 'o', 'u', 'p'}).bytes();
        assertNull(mp3(file("v24-grouped.mp3", v24, bareMp3)));
        // what both read alike: 2.4's own unsynchronisation and data length flags, an empty frame (skipped)
        byte[] alike = new Id3Bytes(4).frame("TIT2", 0x03, new byte[] {0, 0, 0, 5, 0, 'T', (byte) 0xFF, 0, 'x'})
                .frame("COMM", new byte[0]).text("TPE1", "Flags").bytes();
        TrackTags t = same(file("v24-flags.mp3", alike, bareMp3));
        assertEquals("Flags", t.artist());
    }

    /** UTF-16 without a byte order mark: FFmpeg refuses the frame (the fuzzer's crash-dc17a9e8…), and so do we. */
    @Test
    void utf16WithoutAByteOrderMarkIsNoValue() throws Exception {
        byte[] tag = new Id3Bytes(3).frame("TIT2", new byte[] {1, 0, 'N', 0, 'o'})
                .frame("TXXX", new byte[] {1, (byte) 0xFF, (byte) 0xFE, 'K', 0, 0, 0, 'v', 0})
                .frame("TALB", new byte[] {1, (byte) 0xFF, (byte) 0xFE, 'A', 0}).text("TPE1", "Kept").bytes();
        TrackTags t = same(file("bomless.mp3", tag, bareMp3));
        assertNull(t.title());
        assertEquals("A", t.album());
        assertEquals("Kept", t.artist());
    }

    /**
     * ID3v2.4 tags some encoders (iTunes) wrote with ID3v2.3's plain frame sizes: FFmpeg takes a size as syncsafe
     * where a frame follows it so read, else as plain where one follows that; so do we.
     */
    @Test
    void plainFrameSizesInAnId3v24TagAreRecognisedAsFfmpegRecognisesThem() throws Exception {
        byte[] text = new byte[256]; // plain 256 = 00 00 01 00, which read as syncsafe is 128
        text[0] = 0;
        for (int i = 1; i < text.length; i++) {
            text[i] = (byte) ('a' + i % 26);
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes("TIT2".getBytes(StandardCharsets.ISO_8859_1));
        frames.writeBytes(new byte[] {0, 0, 1, 0, 0, 0});
        frames.writeBytes(text);
        byte[] tag = new Id3Bytes(4).raw(frames.toByteArray()).text("TPE1", "After the plain size").bytes();
        TrackTags t = same(file("itunes.mp3", tag, bareMp3));
        assertEquals("After the plain size", t.artist());
        assertEquals(255, t.title().length());
    }

    @Test
    void whatIsNoPlainMp3IsLeftToFfmpeg() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TIT2", "T").bytes();
        assertNull(mp3(file("padded.mp3", tag, new byte[64], bareMp3)), "padding after the tag");
        assertNull(mp3(file("twice.mp3", tag, tag, bareMp3)), "a second tag");
        assertNull(mp3(ffmpeg("x.flac", "-c:a", "flac")), "FLAC");
        assertNull(mp3(ffmpeg("x.aac", "-c:a", "aac", "-f", "adts")), "ADTS");
        byte[] v5 = tag.clone();
        v5[3] = 5;
        assertNull(mp3(file("v5.mp3", v5, bareMp3)), "an ID3v2 version FFmpeg judges");
        try (SeekableInputStream in = SeekableInputStream.open(dir.resolve("padded.mp3"))) {
            assertEquals("T", TagReader.read(in).title(), "FFmpeg reads it");
        }
    }

    private static JvmTags mp3(Path file) throws IOException {
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            return Mp3Tags.read(in, Files.size(file));
        }
    }
}
