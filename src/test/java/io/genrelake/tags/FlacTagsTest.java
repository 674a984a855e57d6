package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.audio.flac.BlockHeader;
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
 * A FLAC file's tags read in this JVM ({@link FlacTags}, {@link VorbisComments}) are the tags FFmpeg's demuxer reads
 * from it: every case here is read both ways ({@link BothReadings}), FFmpeg's whole dictionary against ours and the
 * {@link TrackTags} made of them. Files FFmpeg reads its own way must be left to it.
 */
class FlacTagsTest {

    @TempDir
    static Path dir;

    /** STREAMINFO and audio frames of a one-second tone, to build files around. */
    private static byte[] streamInfo;
    private static byte[] frames;

    @BeforeAll
    static void tone() throws Exception {
        byte[] bare = Files.readAllBytes(ToneFiles.write(dir.resolve("bare.flac"), "-c:a", "flac"));
        int at = 4;
        boolean last = false;
        while (!last) {
            BlockHeader block = BlockHeader.of(bare, at);
            last = block.last();
            if (block.type() == BlockHeader.STREAMINFO) {
                streamInfo = java.util.Arrays.copyOfRange(bare, at + 4, at + 4 + block.size());
            }
            at += 4 + block.size();
        }
        frames = java.util.Arrays.copyOfRange(bare, at, bare.length);
    }

    private static TrackTags same(Path file) throws IOException {
        return BothReadings.same(file, FlacTags::read);
    }

    private static void leftToFfmpeg(Path file) throws IOException {
        BothReadings.leftToFfmpeg(file, FlacTags::read);
    }

    @Test
    void whatFfmpegsMuxerWrites() throws Exception {
        TrackTags t = same(ToneFiles.write(dir.resolve("tagged.flac"), "-metadata", "title=Night Train",
                "-metadata", "artist=The Examples", "-metadata", "album_artist=Various", "-metadata", "album=Über Café",
                "-metadata", "genre=Blues", "-metadata", "date=1999-04-01", "-metadata", "track=7/12",
                "-metadata", "disc=1", "-metadata", "comment=liner notes",
                "-metadata", "MUSICBRAINZ_TRACKID=0c2a7ef4-3d5a-4d4e-9a5c-2f4a4b0c1d2e", "-c:a", "flac"));
        assertEquals("Night Train", t.title());
        assertEquals("The Examples", t.artist());
        assertEquals("Various", t.albumArtist());
        assertEquals("Über Café", t.album());
        assertEquals(List.of("Blues"), t.genres());
        assertEquals(1999, t.year());
        assertEquals(7, t.trackNumber());
        assertEquals("0c2a7ef4-3d5a-4d4e-9a5c-2f4a4b0c1d2e", t.mbRecordingId());
        same(ToneFiles.write(dir.resolve("stereo24.flac"), "-ac", "2", "-sample_fmt", "s32", "-metadata", "title=Wide",
                "-c:a", "flac"));
        same(ToneFiles.write(dir.resolve("mono8k.flac"), "-ar", "8000", "-metadata", "artist=Low", "-c:a", "flac"));
    }

    @Test
    void aCoverPictureIsNoTag() throws Exception {
        Path cover = dir.resolve("cover.png");
        io.genrelake.testing.FfmpegCli.run("-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1",
                cover.toString());
        TrackTags t = same(ToneFiles.write(dir.resolve("cover.flac"), "-i", cover.toString(), "-map", "0:a", "-map",
                "1:v", "-c:v", "copy", "-disposition:v", "attached_pic", "-metadata:s:v", "title=Front",
                "-metadata", "title=With Cover", "-c:a", "flac"));
        assertEquals("With Cover", t.title());
    }

    @Test
    void commentsFfmpegsWay() throws Exception {
        // keys in any case; a key met again appends ";value"; '=' inside a value; an empty value, a comment without
        // '=' and one with no key dropped; the vendor string no tag; a value ends at a NUL
        TrackTags t = same(flac("edges.flac", "vendor says title=no", "Title=first", "GENRE=Rock", "genre=Jazz",
                "Album=a=b", "artist=", "no equals sign", "=orphan", "COMPOSER=Bach\0hidden", "Genre=Soul"));
        assertEquals("first", t.title());
        assertEquals("a=b", t.album());
        assertNull(t.artist());
        assertEquals(List.of("Rock;Jazz;Soul"), readHere("edges.flac").get("genre"));
        // the specification's names become FFmpeg's: ALBUMARTIST, TRACKNUMBER, DISCNUMBER, DESCRIPTION
        TrackTags renamed = same(flac("renamed.flac", "v", "ALBUMARTIST=Band", "TRACKNUMBER=3", "DISCNUMBER=2",
                "DESCRIPTION=words", "DATE=2001"));
        assertEquals("Band", renamed.albumArtist());
        assertEquals(3, renamed.trackNumber());
        assertEquals(2001, renamed.year());
        // two spellings of one key: which value wins follows FFmpeg's dictionary order
        same(flac("both-first.flac", "v", "ALBUMARTIST=a", "ALBUM_ARTIST=b"));
        same(flac("both-second.flac", "v", "ALBUM_ARTIST=b", "ALBUMARTIST=a"));
        same(flac("both-repeated.flac", "v", "ALBUMARTIST=a", "ALBUM_ARTIST=b", "ALBUMARTIST=c"));
        same(flac("track-twice.flac", "v", "TRACKNUMBER=1", "X=y", "TRACK=2", "TRACKNUMBER=3"));
        // a picture in a comment (broken base64 here) is no tag; a value that starts with a NUL is kept, empty
        same(flac("picture-comment.flac", "v", "METADATA_BLOCK_PICTURE=!!not base64!!", "TITLE=t"));
        same(flac("nul-value.flac", "v", "TITLE=\0rest", "ARTIST=a"));
        // bytes that are no UTF-8 read as ContainerTags decodes FFmpeg's
        same(flac("latin1.flac", "v", List.of("TITLE=Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), false));
        // no comment block at all, and one without comments
        assertEquals(TrackTags.NONE, same(flac("no-block.flac", null, List.of(), false)));
        assertEquals(TrackTags.NONE, same(flac("empty.flac", "v")));
        // blocks after the comment block, and a padding block, are walked over
        same(flac("padded.flac", "v", List.of(bytes("TITLE=Padded")), true));
    }

    @Test
    void whatFfmpegMustReadItself() throws Exception {
        Path plain = flac("plain.flac", "v", "TITLE=x");
        byte[] b = Files.readAllBytes(plain);
        // an ID3v2 tag in front; Ogg FLAC; an MP3
        Path id3 = dir.resolve("id3.flac");
        Files.write(id3, concat(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}, b));
        leftToFfmpeg(id3);
        leftToFfmpeg(ToneFiles.write(dir.resolve("ogg-flac.oga"), "-c:a", "flac", "-f", "ogg"));
        leftToFfmpeg(ToneFiles.write(dir.resolve("not.mp3"), "-c:a", "libmp3lame"));
        // keys FFmpeg turns into chapters or a channel layout; a key byte outside the specification's range
        leftToFfmpeg(flac("chapter.flac", "v", "CHAPTER001=00:00:00.000", "TITLE=x"));
        leftToFfmpeg(flac("mask.flac", "v", "WAVEFORMATEXTENSIBLE_CHANNEL_MASK=0x3", "TITLE=x"));
        leftToFfmpeg(flac("key-byte.flac", "v", List.of("TÏTLE=x".getBytes(StandardCharsets.UTF_8)), false));
        // lengths that do not add up: more comments counted than held, a comment past the block, bytes left over
        byte[] comment = comment("v", List.of(bytes("TITLE=x")));
        leftToFfmpeg(write("count.flac", withBlocks(block(4, withLeInt(comment, 5, 2), true))));
        leftToFfmpeg(write("past.flac", withBlocks(block(4, withLeInt(comment, 9, 99), true))));
        leftToFfmpeg(write("left-over.flac", withBlocks(block(4, concat(comment, new byte[3]), true))));
        leftToFfmpeg(write("vendor-past.flac", withBlocks(block(4, withLeInt(comment, 0, 999), true))));
        // two comment blocks; STREAMINFO not first or twice; a cue sheet; an invalid block type
        leftToFfmpeg(write("two.flac", withBlocks(block(4, comment, false), block(4, comment, true))));
        leftToFfmpeg(write("info-late.flac", concat(bytes("fLaC"), block(4, comment, false), block(0, streamInfo, true),
                frames)));
        leftToFfmpeg(write("info-twice.flac", withBlocks(block(0, streamInfo, false), block(4, comment, true))));
        leftToFfmpeg(write("cuesheet.flac", withBlocks(block(5, new byte[432], false), block(4, comment, true))));
        leftToFfmpeg(write("invalid.flac", withBlocks(block(127, new byte[4], false), block(4, comment, true))));
        // STREAMINFO FFmpeg's probe does not take at full score (a sample rate of 0)
        byte[] noRate = streamInfo.clone();
        noRate[10] = 0;
        noRate[11] = 0;
        noRate[12] = (byte) (noRate[12] & 0x0F);
        leftToFfmpeg(write("no-rate.flac", concat(bytes("fLaC"), block(0, noRate, false), block(4, comment, true),
                frames)));
        // a picture whose data runs past its block (FFmpeg reads on, for muxers that cut its size)
        byte[] picture = picture(16);
        leftToFfmpeg(write("picture-past.flac", withBlocks(block(6, java.util.Arrays.copyOf(picture,
                picture.length - 4), false), block(4, comment, true))));
        same(write("picture-whole.flac", withBlocks(block(6, picture, false), block(4, comment, true))));
        // blocks past the file's end
        leftToFfmpeg(write("cut.flac", java.util.Arrays.copyOf(b, 4 + 4 + 34 + 4 + 2)));
        try (SeekableInputStream in = SeekableInputStream.open(plain)) {
            assertNull(FlacTags.read(in, 3), "a file shorter than its marker");
        }
    }

    // --- FLAC bytes ------------------------------------------------------------------------------------------------

    private static java.util.Map<String, List<String>> readHere(String name) throws IOException {
        Path file = dir.resolve(name);
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            return FlacTags.read(in, Files.size(file)).tags();
        }
    }

    private static Path flac(String name, String vendor, String... comments) throws IOException {
        List<byte[]> raw = new ArrayList<>();
        for (String c : comments) {
            raw.add(bytes(c));
        }
        return flac(name, vendor, raw, false);
    }

    /** The tone's STREAMINFO, a comment block of {@code comments} (none when vendor is null), its frames. */
    private static Path flac(String name, String vendor, List<byte[]> comments, boolean padded) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        if (vendor != null) {
            blocks.add(block(4, comment(vendor, comments), !padded));
        }
        if (padded) {
            blocks.add(block(1, new byte[100], true));
        }
        return write(name, withBlocks(blocks.toArray(new byte[0][])));
    }

    /** "fLaC", STREAMINFO (last only when no block follows), the blocks, the frames. */
    private static byte[] withBlocks(byte[]... blocks) {
        byte[] out = concat(bytes("fLaC"), block(0, streamInfo, blocks.length == 0));
        for (byte[] block : blocks) {
            out = concat(out, block);
        }
        return concat(out, frames);
    }

    private static byte[] block(int type, byte[] body, boolean last) {
        byte[] header = {(byte) ((last ? 0x80 : 0) | type), (byte) (body.length >> 16), (byte) (body.length >> 8),
                (byte) body.length};
        return concat(header, body);
    }

    private static byte[] comment(String vendor, List<byte[]> comments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] v = bytes(vendor);
        out.writeBytes(le(v.length));
        out.writeBytes(v);
        out.writeBytes(le(comments.size()));
        for (byte[] c : comments) {
            out.writeBytes(le(c.length));
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    /** A PICTURE block's body: front cover, a PNG MIME type, a description, 16×16, {@code data} bytes of data. */
    private static byte[] picture(int data) {
        byte[] mime = bytes("image/png");
        byte[] description = bytes("cover");
        ByteBuffer b = ByteBuffer.allocate(32 + mime.length + description.length + data);
        b.putInt(3).putInt(mime.length).put(mime).putInt(description.length).put(description);
        b.putInt(16).putInt(16).putInt(24).putInt(0).putInt(data);
        return b.array();
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] withLeInt(byte[] b, int at, int value) {
        byte[] copy = b.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
