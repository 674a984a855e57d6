package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WAV's tags read in this JVM ({@link WavTags}) are the tags FFmpeg's demuxer reads from it: every case here is read
 * both ways ({@link BothReadings}), and FFmpeg's whole dictionary must equal ours, key by key and value by value, and
 * so must the {@link TrackTags} made of them. Files FFmpeg reads its own way must be left to it.
 */
class WavTagsTest {

    private static final String MBID = "9e5f9d9c-1f0a-4c3e-8f4e-2b7c1d3e4f50";

    @TempDir
    static Path dir;

    private static TrackTags same(Path file) throws IOException {
        return BothReadings.same(file, WavTags::read);
    }

    private static void leftToFfmpeg(Path file) throws IOException {
        BothReadings.leftToFfmpeg(file, WavTags::read);
    }

    @Test
    void whatFfmpegsMuxerWrites() throws Exception {
        TrackTags t = same(ToneFiles.write(dir.resolve("info.wav"), "-metadata", "title=Night Train", "-metadata",
                "artist=The Examples", "-metadata", "album=Test Pressing", "-metadata", "genre=Alt. Rock",
                "-metadata", "date=2004", "-metadata", "track=3", "-metadata", "comment=Über café",
                "-metadata", "copyright=(c) nobody", "-c:a", "pcm_s16le"));
        assertEquals("Night Train", t.title());
        assertEquals(List.of("Alt. Rock"), t.genres());
        assertEquals(3, t.trackNumber());
        same(ToneFiles.write(dir.resolve("float.wav"), "-metadata", "title=Float", "-c:a", "pcm_f32le"));
        same(ToneFiles.write(dir.resolve("stereo24.wav"), "-metadata", "artist=Wide", "-ac", "2", "-c:a",
                "pcm_s24le")); // FFmpeg writes WAVE_FORMAT_EXTENSIBLE for 24 bits
        same(ToneFiles.write(dir.resolve("bare.wav"), "-fflags", "+bitexact", "-c:a", "pcm_s16le"));
    }

    @Test
    void broadcastWaveBextBesideInfo() throws Exception {
        TrackTags t = same(ToneFiles.write(dir.resolve("bext.wav"), "-write_bext", "1", "-metadata",
                "description=From the bext", "-metadata", "originator=Studio A", "-metadata",
                "originator_reference=REF-1", "-metadata", "origination_date=2019-05-01", "-metadata",
                "origination_time=12:30:00", "-metadata", "time_reference=88200", "-metadata",
                "coding_history=A=PCM,F=48000,W=16,M=mono", "-metadata", "umid=0x060A2B340101010501010D4313000000"
                        + "AB2E4C1A3F0012D4AA00000000000000", "-metadata", "title=Both", "-metadata", "date=2018",
                "-c:a", "pcm_s16le"));
        assertEquals("Both", t.title());
        assertNotNull(t.year());
        same(ToneFiles.write(dir.resolve("bext-only.wav"), "-write_bext", "1", "-metadata",
                "description=Only bext", "-c:a", "pcm_s16le"));
    }

    @Test
    void infoEntriesFfmpegsWay() throws Exception {
        Path file = wav("info-edges.wav", chunk("LIST", info(
                entry("INAM", "Odd length"), // padded to even
                entry("iart", "lower-case id"), // named regardless of case
                entry("IPRT", "4"), entry("ITRK", "5"), // two ids for "track": both kept, the first read
                entry("IGNR", "Jazz\0after a NUL"), entry("ICMT", ""),
                entryBytes("IPRD", "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), // Latin-1, not UTF-8
                entry("IXYZ", "unknown id kept"), entry("INAM", "set twice"))));
        TrackTags t = same(file);
        assertEquals("set twice", t.title());
        assertEquals(4, t.trackNumber());
        assertEquals(List.of("Jazz"), t.genres());
    }

    @Test
    void chunksAfterTheAudioAndTheirPadding() throws Exception {
        same(wavWithData("odd-data.wav", 1601, chunk("LIST", info(entry("INAM", "After odd data")))));
        same(wav("junk-between.wav", chunk("JUNK", new byte[27]), chunk("LIST", info(entry("IART", "Late")))));
        Path trailing = wav("trailing.wav", chunk("LIST", info(entry("IART", "Before trailing bytes"))));
        Files.write(trailing, new byte[] {1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
        same(trailing);
        // a data chunk of unknown length: FFmpeg looks at nothing after it
        TrackTags unknown = same(wavWithData("unknown-length.wav", 0, chunk("LIST", info(entry("IART", "Unseen")))));
        assertNull(unknown.artist());
        same(wav("lower-case-list.wav", chunk("list", info(entry("IART", "in a list chunk")))));
        TrackTags beyond = same(wav("list-first.wav", chunk("LIST", info(entry("IART", "First"))),
                chunk("LIST", new byte[] {'a', 'd', 't', 'l'})));
        assertEquals("First", beyond.artist());
    }

    @Test
    void theId3ChunkCountsOnlyWithoutInfoOrBext() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TIT2", "Chunked").text("TPE1", "Riff Artist").text("TCON", "(8)")
                .text("TYER", "1999").text("TDAT", "0304").frame("TXXX",
                        ("\0MusicBrainz Album Id\0" + MBID).getBytes(StandardCharsets.ISO_8859_1)).bytes();
        TrackTags alone = same(wav("id3.wav", chunk("id3 ", tag)));
        assertEquals("Chunked", alone.title());
        assertEquals(List.of("Jazz"), alone.genres());
        assertEquals(MBID, alone.mbReleaseId());
        TrackTags upper = same(wav("ID3.wav", chunk("ID3 ", new Id3Bytes(4).text("TCON", "Rock\0Pop").bytes())));
        assertEquals(List.of("Rock", "Pop"), upper.genres()); // every value, as before
        // FFmpeg reads the ID3 tag into the dictionary INFO and bext entries go to, converting them all together
        leftToFfmpeg(wav("id3-info.wav", chunk("id3 ", tag), chunk("LIST", info(entry("ICMT", "x")))));
        leftToFfmpeg(wav("info-id3.wav", chunk("LIST", info(entry("ICMT", "x"))), chunk("id3 ", tag)));
        leftToFfmpeg(wav("id3-txxx-info-id.wav", chunk("id3 ", new Id3Bytes(3).frame("TXXX",
                "\0IART\0renamed".getBytes(StandardCharsets.ISO_8859_1)).bytes())));
    }

    @Test
    void bextFieldsAsFfmpegWritesThem() throws Exception {
        same(wav("bext-v0.wav", chunk("bext", bext(0, new long[8], "", "Origin", "2001-01-01", 44100))));
        long[] basic = {0x060A2B3401010105L, 0x01010D4313000000L, 0xAB2E4C1A3F0012D4L, 0xAA00000000000000L, 0, 0, 0,
                0};
        same(wav("bext-basic-umid.wav", chunk("bext", bext(1, basic, "Described", "", "", -1))));
        long[] extended = basic.clone();
        extended[6] = 0x123456789ABCDEF0L;
        same(wav("bext-extended-umid.wav", chunk("bext", bext(1, extended, "", "", "", 7))));
        byte[] withHistory = concat(bext(2, new long[8], "", "", "", 0),
                "A=PCM,F=44100\r\n".getBytes(StandardCharsets.US_ASCII));
        same(wav("bext-history.wav", chunk("bext", withHistory), chunk("LIST", info(entry("ICMT", "comment wins?")))));
        same(wav("list-then-bext.wav", chunk("LIST", info(entry("ICRD", "2018"), entry("ICMT", "info first"))),
                chunk("bext", bext(1, new long[8], "bext second", "", "2019-05-01", 0))));
        same(wav("bext-empty-history.wav", chunk("bext", concat(bext(1, new long[8], "", "", "", 0), new byte[3]))));
    }

    @Test
    void whatFfmpegMustReadItself() throws Exception {
        leftToFfmpeg(wav("short-list.wav", chunk("LIST", new byte[] {'I', 'N'})));
        leftToFfmpeg(wav("entry-past-list.wav", chunk("LIST", concat("INFO".getBytes(StandardCharsets.US_ASCII),
                header("INAM", 40), "short".getBytes(StandardCharsets.US_ASCII)))));
        leftToFfmpeg(wav("short-bext.wav", chunk("bext", new byte[100])));
        byte[] tag = new Id3Bytes(3).text("TIT2", "One").bytes();
        leftToFfmpeg(wav("two-id3.wav", chunk("id3 ", tag), chunk("ID3 ", tag)));
        leftToFfmpeg(wav("mixed-case-id3.wav", chunk("Id3 ", tag)));
        leftToFfmpeg(wav("xma2.wav", chunk("XMA2", new byte[40])));
        Path noData = dir.resolve("no-data.wav");
        Files.write(noData, riff(chunk("fmt ", pcmFormat(1, 1, 8000)), chunk("LIST", info(entry("IART", "x")))));
        leftToFfmpeg(noData);
        Path mp3InWav = dir.resolve("mp3-in-wav.wav");
        Files.write(mp3InWav, riff(chunk("fmt ", pcmFormat(0x55, 1, 8000)), chunk("data", new byte[64])));
        leftToFfmpeg(mp3InWav);
        Path rf64 = dir.resolve("rf64.wav");
        byte[] plain = Files.readAllBytes(wav("plain.wav"));
        System.arraycopy("RF64".getBytes(StandardCharsets.US_ASCII), 0, plain, 0, 4);
        Files.write(rf64, plain);
        leftToFfmpeg(rf64);
        // the LIST chunk's declared size is far beyond the file (TagReaderTest's fuzz find): FFmpeg refuses it
        leftToFfmpeg(wav("huge-list.wav", concat(header("LIST", 0xB7000064),
                "INFO".getBytes(StandardCharsets.US_ASCII))));
    }

    // --- WAV bytes -------------------------------------------------------------------------------------------------

    private static Path wav(String name, byte[]... chunks) throws IOException {
        return wavWithData(name, 1600, chunks);
    }

    /** PCM, 8 kHz mono 16 bits; {@code dataBytes} of audio (0: a data chunk of unknown length); then the chunks. */
    private static Path wavWithData(String name, int dataBytes, byte[]... after) throws IOException {
        byte[] audio = new byte[dataBytes == 0 ? 1600 : dataBytes];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }
        byte[] data = chunk("data", audio);
        if (dataBytes == 0) {
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0);
        }
        Path file = dir.resolve(name);
        Files.write(file, riff(concat(chunk("fmt ", pcmFormat(1, 1, 8000)), data), concat(after)));
        return file;
    }

    private static byte[] riff(byte[]... chunks) {
        byte[] body = concat(chunks);
        ByteBuffer b = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    private static byte[] pcmFormat(int tag, int channels, int rate) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag)
                .putShort((short) channels).putInt(rate).putInt(rate * 2 * channels)
                .putShort((short) (2 * channels)).putShort((short) 16).array();
    }

    /** A chunk, padded to an even length. */
    private static byte[] chunk(String id, byte[] body) {
        return concat(header(id, body.length), body, new byte[body.length & 1]);
    }

    private static byte[] header(String id, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(id.getBytes(StandardCharsets.ISO_8859_1))
                .putInt(size).array();
    }

    private static byte[] info(byte[]... entries) {
        return concat("INFO".getBytes(StandardCharsets.US_ASCII), concat(entries));
    }

    /** An INFO entry as writers store it: the text and its NUL. */
    private static byte[] entry(String id, String text) {
        return entryBytes(id, (text + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] entryBytes(String id, byte[] value) {
        return chunk(id, value);
    }

    /** A bext chunk (EBU Tech 3285) of version {@code version}; a negative time reference writes all bits set. */
    private static byte[] bext(int version, long[] umid, String description, String originator, String date,
            long timeReference) {
        ByteBuffer b = ByteBuffer.allocate(602).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, description.getBytes(StandardCharsets.UTF_8));
        b.put(256, originator.getBytes(StandardCharsets.UTF_8));
        b.put(288, "REF-7".getBytes(StandardCharsets.US_ASCII));
        b.put(320, date.getBytes(StandardCharsets.US_ASCII));
        b.putLong(338, timeReference);
        b.putShort(346, (short) version);
        ByteBuffer u = ByteBuffer.wrap(b.array(), 348, 64).order(ByteOrder.BIG_ENDIAN);
        for (long part : umid) {
            u.putLong(part);
        }
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
