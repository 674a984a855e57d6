package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags of files the test writes itself (FFmpeg's own muxers, the ffmpeg program of the project's natives jar, and
 * hand-made ID3 bytes for what those muxers do not write), in every container the extract job reads tags from.
 */
class TagReaderTest {

    private static final String MBID = "9e5f9d9c-1f0a-4c3e-8f4e-2b7c1d3e4f50";

    @TempDir
    static Path dir;

    /** An MP3 without any tag, the body of the hand-made ID3 cases. */
    private static byte[] bareMp3;

    @BeforeAll
    static void writeBareMp3() throws Exception {
        bareMp3 = ToneFiles.bareMp3(dir);
    }

    private static void ffmpeg(Path out, String... args) throws Exception {
        ToneFiles.write(out, args);
    }

    private static List<String> metadata(String... pairs) {
        List<String> args = new ArrayList<>();
        for (String p : pairs) {
            args.add("-metadata");
            args.add(p);
        }
        return args;
    }

    private static Path write(String name, List<String> meta, String... codec) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(meta);
        args.addAll(List.of(codec));
        ffmpeg(out, args.toArray(new String[0]));
        return out;
    }

    /** Reads the tags and checks the stream is back at its start for the decoder. */
    private static TrackTags read(Path file) throws IOException {
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            TrackTags tags = TagReader.read(in);
            assertEquals(0, in.input().position(), "the stream is back at its start");
            return tags;
        }
    }

    private static final List<String> FULL = metadata("title=Night Train", "artist=The Examples",
            "album_artist=Various Examples", "album=Test Pressing", "genre=Alt. Rock", "date=2004-05-01",
            "track=3/12", "MusicBrainz Album Id=" + MBID, "MUSICBRAINZ_ALBUMID=" + MBID);

    private static void assertFull(TrackTags t) {
        assertEquals("Night Train", t.title());
        assertEquals("The Examples", t.artist());
        assertEquals("Test Pressing", t.album());
        assertEquals(List.of("Alt. Rock"), t.genres());
        assertEquals(2004, t.year());
        assertEquals(3, t.trackNumber());
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void mp3Id3v24() throws Exception {
        TrackTags t = read(write("v24.mp3", FULL, "-c:a", "libmp3lame"));
        assertFull(t);
        assertEquals("Various Examples", t.albumArtist());
        assertEquals(MBID, t.mbReleaseId());
    }

    @Test
    void mp3Id3v23WithANumericGenre() throws Exception {
        TrackTags t = read(write("v23.mp3", metadata("artist=A", "genre=(17)", "date=1999"), "-c:a", "libmp3lame",
                "-id3v2_version", "3"));
        assertEquals("A", t.artist());
        assertEquals(List.of("Rock"), t.genres());
        assertEquals(1999, t.year());
    }

    @Test
    void mp3Id3v1Only() throws Exception {
        TrackTags t = read(concat("v1.mp3", bareMp3, id3v1("Old", "Someone", "1987", 7, 79)));
        assertEquals("Old", t.title());
        assertEquals("Someone", t.artist());
        assertEquals(List.of("Hard Rock"), t.genres());
        assertEquals(1987, t.year());
        assertEquals(7, t.trackNumber());
    }

    /** An ID3v1.1 tag: the last 128 bytes of the file (FFmpeg's MP3 muxer writes none without ID3v2). */
    private static byte[] id3v1(String title, String artist, String year, int track, int genre) {
        byte[] tag = new byte[128];
        put(tag, 0, "TAG", 3);
        put(tag, 3, title, 30);
        put(tag, 33, artist, 30);
        put(tag, 93, year, 4);
        tag[126] = (byte) track;
        tag[127] = (byte) genre;
        return tag;
    }

    private static void put(byte[] into, int at, String text, int width) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, into, at, Math.min(width, b.length));
    }

    @Test
    void mp3Id3v22() throws Exception {
        byte[] tag = new Id3Bytes(2).text("TT2", "Two Two").text("TP1", "Old Tagger").text("TCO", "(13)")
                .text("TYE", "1998").bytes();
        TrackTags t = read(concat("v22.mp3", tag, bareMp3));
        assertEquals("Two Two", t.title());
        assertEquals("Old Tagger", t.artist());
        assertEquals(List.of("Pop"), t.genres());
        assertEquals(1998, t.year());
    }

    /** FFmpeg keeps the first value only (ContainerTags); Id3v2Frames reads them all. */
    @Test
    void id3v24WithSeveralValuesInOneFrame() throws Exception {
        byte[] tag = new Id3Bytes(4).text("TPE1", "Multi").text("TCON", "Rock\0Pop").bytes();
        TrackTags t = read(concat("multi.mp3", tag, bareMp3));
        assertEquals("Multi", t.artist());
        assertEquals(List.of("Rock", "Pop"), t.genres());
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void id3v23RepeatedGenreFramesAndTheMusicBrainzUfid() throws Exception {
        byte[] owner = "http://musicbrainz.org\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] ufid = new byte[owner.length + MBID.length()];
        System.arraycopy(owner, 0, ufid, 0, owner.length);
        System.arraycopy(MBID.getBytes(StandardCharsets.US_ASCII), 0, ufid, owner.length, MBID.length());
        byte[] tag = new Id3Bytes(3).text("TCON", "Jazz").text("TCON", "Funk").frame("UFID", ufid).bytes();
        TrackTags t = read(concat("repeated.mp3", tag, bareMp3));
        assertEquals(List.of("Jazz", "Funk"), t.genres());
        assertEquals(MBID, t.mbRecordingId());
    }

    @Test
    void aUfidThatIsNoMusicBrainzIdIsEmptyWithAWarning() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TCON", "(13)")
                .frame("UFID", "http://musicbrainz.org\0not-an-id".getBytes(StandardCharsets.ISO_8859_1)).bytes();
        TrackTags t = read(concat("bad-ufid.mp3", tag, bareMp3));
        assertEquals(List.of("Pop"), t.genres()); // one value: FFmpeg's, its number named
        assertNull(t.mbRecordingId());
        assertEquals(List.of("musicbrainz recording id malformed ('not-an-id')"), t.warnings());
    }

    @Test
    void wavRiffInfo() throws Exception {
        TrackTags t = read(write("info.wav", metadata("title=Night Train", "artist=The Examples",
                "album=Test Pressing", "genre=Alt. Rock", "date=2004", "track=3"), "-c:a", "pcm_s16le"));
        assertEquals("Night Train", t.title());
        assertEquals("The Examples", t.artist());
        assertEquals(List.of("Alt. Rock"), t.genres());
        assertEquals(2004, t.year());
    }

    @Test
    void wavId3Chunk() throws Exception {
        byte[] wav = Files.readAllBytes(write("plain.wav", List.of(), "-c:a", "pcm_s16le"));
        byte[] tag = new Id3Bytes(3).text("TIT2", "Chunked").text("TPE1", "Riff Artist").text("TCON", "Jazz").bytes();
        TrackTags t = read(withChunk("id3.wav", wav, "id3 ", tag, ByteOrder.LITTLE_ENDIAN));
        assertEquals("Chunked", t.title());
        assertEquals("Riff Artist", t.artist());
        assertEquals(List.of("Jazz"), t.genres());
    }

    /** The chunk's tag is read by our own reader too: every value of a multi-valued genre frame, after the audio. */
    @Test
    void wavAndAiffId3ChunksKeepEveryGenreValue() throws Exception {
        byte[] tag = new Id3Bytes(4).text("TPE1", "Chunked").text("TCON", "Rock\0Pop").bytes();
        byte[] wav = Files.readAllBytes(write("plain2.wav", List.of(), "-c:a", "pcm_s16le"));
        TrackTags w = read(withChunk("multi.wav", wav, "id3 ", tag, ByteOrder.LITTLE_ENDIAN));
        assertEquals("Chunked", w.artist());
        assertEquals(List.of("Rock", "Pop"), w.genres());
        byte[] aiff = Files.readAllBytes(write("plain.aiff", List.of(), "-c:a", "pcm_s16be"));
        TrackTags a = read(withChunk("multi.aiff", aiff, "ID3 ", tag, ByteOrder.BIG_ENDIAN));
        assertEquals(List.of("Rock", "Pop"), a.genres(), a.warnings().toString());
    }

    @Test
    void aiffId3Chunk() throws Exception {
        TrackTags t = read(write("id3.aiff", FULL, "-c:a", "pcm_s16be", "-write_id3v2", "1"));
        assertFull(t);
    }

    @Test
    void flacVorbisComment() throws Exception {
        TrackTags t = read(write("t.flac", FULL, "-c:a", "flac"));
        assertFull(t);
        assertEquals("Various Examples", t.albumArtist());
        assertEquals(MBID, t.mbReleaseId());
    }

    @Test
    void oggVorbisComment() throws Exception {
        assertFull(read(write("t.ogg", FULL, "-c:a", "vorbis", "-strict", "-2", "-ac", "2")));
    }

    @Test
    void opusComment() throws Exception {
        assertFull(read(write("t.opus", FULL, "-c:a", "libopus")));
    }

    @Test
    void m4aAtoms() throws Exception {
        TrackTags t = read(write("t.m4a", FULL, "-c:a", "aac"));
        assertFull(t);
        assertEquals("Various Examples", t.albumArtist());
    }

    @Test
    void numericAndMultiValuedGenresComeAsWritten() throws Exception {
        assertEquals(List.of("17"), read(write("n.flac", metadata("genre=17"), "-c:a", "flac")).genres());
        assertEquals(List.of("Rock;Electronic"),
                read(write("m.flac", metadata("genre=Rock;Electronic"), "-c:a", "flac")).genres());
    }

    @Test
    void anEmptyGenreIsNoGenre() throws Exception {
        TrackTags t = read(write("e.flac", metadata("genre=", "artist= "), "-c:a", "flac"));
        assertEquals(List.of(), t.genres());
        assertNull(t.artist());
        assertEquals(List.of(), t.warnings());
    }

    @Test
    void anOversizedOrMalformedValueIsEmptyWithAWarning() throws Exception {
        TrackTags t = read(write("o.flac", metadata("title=" + "x".repeat(5000), "artist=Kept", "date=someday",
                "track=B2", "MUSICBRAINZ_ALBUMID=not-an-id"), "-c:a", "flac"));
        assertNull(t.title());
        assertEquals("Kept", t.artist());
        assertNull(t.year());
        assertNull(t.trackNumber());
        assertNull(t.mbReleaseId());
        assertEquals(4, t.warnings().size(), t.warnings().toString());
        assertTrue(t.warnings().get(0).startsWith("title oversized (5000 characters)"), t.warnings().toString());
    }

    @Test
    void aCorruptId3TagGivesNoValuesAndNoError() throws Exception {
        byte[] garbage = new byte[300];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37 + 11);
        }
        byte[] tag = new Id3Bytes(3).text("TIT2", "Before").raw(garbage).bytes();
        TrackTags t = read(concat("corrupt.mp3", tag, bareMp3));
        assertTrue(t.genres().isEmpty());
    }

    /**
     * A WAV whose LIST/INFO entry declares 1.3 GB (found by fuzzing): FFmpeg trusted the size and allocated it,
     * outside the heap limit; now any single FFmpeg allocation above 64 MB fails, and the tags are unreadable.
     */
    @Test
    void aTagDeclaringAHugeSizeIsRefusedNotAllocated() throws Exception {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(120).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(0xB7000064).put("INFO".getBytes(StandardCharsets.US_ASCII));
        b.put("ICMT".getBytes(StandardCharsets.US_ASCII)).putInt(0x4F4F4F4F);
        while (b.remaining() > 0) {
            b.put((byte) 'O');
        }
        Path wav = dir.resolve("huge-info.wav");
        Files.write(wav, b.array());
        long peakBefore = peakResidentKb();
        TrackTags t = read(wav);
        assertTrue(t.warnings().size() == 1 && t.warnings().get(0).startsWith("tags unreadable: "),
                t.warnings().toString());
        if (peakBefore > 0) { // Linux: the process's peak resident memory did not jump by the declared size
            long grownMb = (peakResidentKb() - peakBefore) / 1024;
            assertTrue(grownMb < 256, "FFmpeg allocated the declared size: peak memory grew by " + grownMb + " MB");
        }
    }

    /** The process's peak resident memory (VmHWM) in kB, or 0 where /proc does not tell. */
    private static long peakResidentKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    @Test
    void bytesNoContainerKnowsAreUnreadableTags() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        TrackTags t = read(junk);
        assertEquals(1, t.warnings().size());
        assertTrue(t.warnings().get(0).startsWith("tags unreadable: "), t.warnings().toString());
    }

    private static Path concat(String name, byte[] first, byte[] second) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    /** {@code riff} with one more chunk at its end and the RIFF (or FORM) size fixed. */
    static Path withChunk(String name, byte[] riff, String id, byte[] body, ByteOrder order) throws IOException {
        int padded = body.length + (body.length & 1);
        ByteBuffer out = ByteBuffer.allocate(riff.length + 8 + padded).order(order);
        out.put(riff);
        out.put(id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.putInt(body.length);
        out.put(body);
        out.position(out.capacity());
        out.putInt(4, out.capacity() - 8);
        Path file = dir.resolve(name);
        Files.write(file, out.array());
        return file;
    }
}
