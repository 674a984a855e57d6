package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The genre and MusicBrainz UFID frames of ID3v2 tags the test builds byte by byte, every version and shape. */
class Id3v2FramesTest {

    private static final String MBID = "9e5f9d9c-1f0a-4c3e-8f4e-2b7c1d3e4f50";
    private static final byte[] AUDIO = new byte[1000]; // what follows the tag in the file

    /** Reads a tag followed by {@link #AUDIO}, the file's length known. */
    private static Id3v2Frames read(byte[] tag) throws IOException {
        byte[] file = concat(tag, AUDIO);
        return Id3v2Frames.read(new ByteArrayInputStream(file), file.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A text frame's body: the encoding byte, then the already encoded values. */
    private static byte[] textBody(int encoding, byte[]... values) {
        return concat(new byte[] {(byte) encoding}, concat(values));
    }

    private static byte[] ufid(String owner, String id) {
        return concat(owner.getBytes(StandardCharsets.ISO_8859_1), new byte[1], id.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void severalValuesInOneV24FrameAreSplitAtNul() throws Exception {
        Id3v2Frames f = read(new Id3Bytes(4).text("TIT2", "T").text("TCON", "Rock\0Pop\0").bytes());
        assertEquals(List.of("Rock", "Pop"), f.genres());
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void repeatedV23FramesGiveEveryValueInOrder() throws Exception {
        Id3v2Frames f = read(new Id3Bytes(3).text("TCON", "(17)").text("TPE1", "A").text("TCON", "Electro Rock")
                .text("TCON", "Jazz\0Funk").bytes()); // NUL tolerated in 2.3
        assertEquals(List.of("(17)", "Electro Rock", "Jazz", "Funk"), f.genres());
    }

    @Test
    void utf16ValuesWithTheirOwnByteOrderMarks() throws Exception {
        byte[] le = "Électro".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "Rock".getBytes(StandardCharsets.UTF_16BE);
        byte[] body = textBody(1, new byte[] {(byte) 0xFF, (byte) 0xFE}, le, new byte[2],
                new byte[] {(byte) 0xFE, (byte) 0xFF}, be, new byte[2]);
        byte[] plainBe = textBody(2, "Ska".getBytes(StandardCharsets.UTF_16BE), new byte[2],
                "Dub".getBytes(StandardCharsets.UTF_16BE));
        Id3v2Frames f = read(new Id3Bytes(4).frame("TCON", body).frame("TCON", plainBe).bytes());
        assertEquals(List.of("Électro", "Rock", "Ska", "Dub"), f.genres());
    }

    @Test
    void v22ThreeCharacterFrames() throws Exception {
        Id3v2Frames f = read(new Id3Bytes(2).text("TT2", "Two").text("TCO", "(13)").text("TCO", "Pop Rock")
                .frame("UFI", ufid("http://musicbrainz.org", MBID)).bytes());
        assertEquals(List.of("(13)", "Pop Rock"), f.genres());
        assertEquals(MBID, f.musicBrainzRecordingId());
    }

    @Test
    void theMusicBrainzUfidAndNoOtherOwners() throws Exception {
        Id3v2Frames f = read(new Id3Bytes(4).frame("UFID", ufid("http://www.id3.org/dummy/ufid.html", "123"))
                .frame("UFID", ufid("http://musicbrainz.org", MBID)).bytes());
        assertEquals(MBID, f.musicBrainzRecordingId());
        assertNull(read(new Id3Bytes(3).frame("UFID", ufid("other", MBID)).bytes()).musicBrainzRecordingId());
    }

    @Test
    void aWholeUnsynchronisedV23Tag() throws Exception {
        // 0xFF in a frame size (255 bytes) and in the UTF-16 byte order mark: both carry an inserted 0x00
        byte[] padded = ("Trip Hop" + "\0".repeat(246)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = textBody(1, new byte[] {(byte) 0xFF, (byte) 0xFE}, "Dub".getBytes(StandardCharsets.UTF_16LE));
        byte[] tag = new Id3Bytes(3).frame("TCON", textBody(0, padded)).frame("TCON", utf16).unsynchronised().bytes();
        assertEquals(List.of("Trip Hop", "Dub"), read(tag).genres());
    }

    @Test
    void aV24FrameUnsynchronisedWithADataLengthIndicator() throws Exception {
        byte[] plain = textBody(1, new byte[] {(byte) 0xFF, (byte) 0xFE}, "Soul".getBytes(StandardCharsets.UTF_16LE));
        int dli = Id3Bytes.syncsafe(plain.length);
        byte[] body = concat(new byte[] {(byte) (dli >>> 24), (byte) (dli >>> 16), (byte) (dli >>> 8), (byte) dli},
                Id3Bytes.unsync(plain));
        Id3v2Frames f = read(new Id3Bytes(4).frame("TCON", 0x03, body).bytes());
        assertEquals(List.of("Soul"), f.genres());
    }

    @Test
    void compressedAndEncryptedFramesAreSkippedAndTheExtendedHeaderToo() throws Exception {
        byte[] extended = {0, 0, 0, 6, 0, 0, 0, 0, 0, 0}; // 2.3: size 6 after the size field
        byte[] tag = new Id3Bytes(3).headerFlags(0x40).raw(extended)
                .frame("TCON", 0x80, textBody(0, "zlib bytes".getBytes(StandardCharsets.ISO_8859_1)))
                .frame("TCON", 0x40, textBody(0, "secret".getBytes(StandardCharsets.ISO_8859_1)))
                .text("TCON", "Blues").bytes();
        Id3v2Frames f = read(tag);
        assertEquals(List.of("Blues"), f.genres());
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void anEmptyGenreFrameHasNoValue() throws Exception {
        Id3v2Frames f = read(new Id3Bytes(4).frame("TCON", new byte[0]).frame("TCON", new byte[] {3}).bytes());
        assertEquals(List.of(), f.genres());
        assertEquals(List.of(), f.warnings());
    }

    @Test
    void aFrameSizeBeyondTheTagStopsTheWalkWithAWarning() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TCON", "Kept")
                .raw(new byte[] {'T', 'C', 'O', 'N', 0x7F, 0, 0, 0, 0, 0, 0, 'R', 'o', 'c', 'k'}).bytes();
        Id3v2Frames f = read(tag);
        assertEquals(List.of("Kept"), f.genres());
        assertEquals(1, f.warnings().size());
        assertTrue(f.warnings().get(0).startsWith("ID3v2 frame TCON size beyond the tag"), f.warnings().toString());
    }

    @Test
    void aTagSizeBeyondTheFileIsRefusedBeforeAnythingIsRead() throws Exception {
        byte[] tag = new Id3Bytes(4).text("TCON", "Rock\0Pop").bytes();
        tag[6] = 0x7F; // declares ~256 MB
        Id3v2Frames f = read(tag);
        assertEquals(List.of(), f.genres());
        assertTrue(f.warnings().get(0).startsWith("ID3v2 tag size beyond the file"), f.warnings().toString());
    }

    @Test
    void anUnsynchronisedTagAboveTheCapIsRefusedWhenTheLengthIsUnknown() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TCON", "Rock").unsynchronised().bytes();
        tag[6] = 0x7F;
        Id3v2Frames f = Id3v2Frames.read(new ByteArrayInputStream(concat(tag, AUDIO)), -1);
        assertEquals(List.of(), f.genres());
        assertTrue(f.warnings().get(0).startsWith("ID3v2 tag oversized"), f.warnings().toString());
    }

    @Test
    void aTruncatedTagKeepsWhatCameBeforeTheEnd() throws Exception {
        byte[] tag = new Id3Bytes(3).text("TCON", "First").text("TCON", "Second").bytes();
        byte[] cut = java.util.Arrays.copyOf(tag, tag.length - 20); // the file ends inside the second frame
        Id3v2Frames f = Id3v2Frames.read(new ByteArrayInputStream(cut), -1);
        assertEquals(List.of("First"), f.genres());
        assertEquals(List.of("ID3v2 tag truncated"), f.warnings());
    }

    @Test
    void noTagNoValues() throws Exception {
        assertEquals(Id3v2Frames.NONE, read("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Id3v2Frames.NONE, Id3v2Frames.read(new ByteArrayInputStream(new byte[] {'I', 'D'}), 2));
    }

    @Test
    void latin1AndUtf8Text() {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        assertEquals(List.of("Música"), Id3v2Frames.text(textBody(0, "Música".getBytes(latin1))));
        assertEquals(List.of("Música", "Pop"),
                Id3v2Frames.text(textBody(3, "Música\0Pop".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), Id3v2Frames.text(textBody(9, "x".getBytes(latin1))));
    }
}
