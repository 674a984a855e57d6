package io.genrelake.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * A Sun AU file's tags read in this JVM ({@link AuTags}) are the tags FFmpeg's demuxer reads from it: every case here
 * is read both ways ({@link BothReadings}), FFmpeg's whole dictionary against ours and the {@link TrackTags} made of
 * them. Files FFmpeg reads its own way must be left to it.
 */
class AuTagsTest {

    @TempDir
    static Path dir;

    private static TrackTags same(Path file) throws IOException {
        return BothReadings.same(file, AuTags::read);
    }

    private static void leftToFfmpeg(Path file) throws IOException {
        BothReadings.leftToFfmpeg(file, AuTags::read);
    }

    @Test
    void whatFfmpegsMuxerWrites() throws Exception {
        TrackTags t = same(ToneFiles.write(dir.resolve("tagged.au"), "-metadata", "title=Night Train", "-metadata",
                "artist=The Examples", "-metadata", "album=Über Café", "-metadata", "track=7", "-metadata",
                "genre=Blues", "-metadata", "comment=not an AU key", "-c:a", "pcm_s16be"));
        assertEquals("Night Train", t.title());
        assertEquals("The Examples", t.artist());
        assertEquals("Über Café", t.album());
        assertEquals(7, t.trackNumber());
        assertEquals(List.of("Blues"), t.genres());
        assertEquals(TrackTags.NONE, same(ToneFiles.write(dir.resolve("bare.au"), "-c:a", "pcm_s16be")));
        same(ToneFiles.write(dir.resolve("mulaw.au"), "-metadata", "title=Mu", "-c:a", "pcm_mulaw"));
        same(ToneFiles.write(dir.resolve("alaw.au"), "-metadata", "title=A", "-c:a", "pcm_alaw"));
        same(ToneFiles.write(dir.resolve("float.au"), "-ac", "2", "-metadata", "title=Float", "-c:a", "pcm_f32be"));
    }

    @Test
    void annotationsFfmpegsWay() throws Exception {
        // keys in any ASCII case; a key set twice keeps its last value; '=' inside a value; an empty value kept;
        // other keys dropped; a newline before '=' is part of the key, so "junk\nartist" is no artist
        TrackTags t = same(au("edges.au", "TITLE=first\nTitle=second\nAlbum=a=b\ngenre=\nComment=x\njunk\nartist=no"
                + "\n\0"));
        assertEquals("second", t.title());
        assertEquals("a=b", t.album());
        assertNull(t.artist());
        // a NUL ends a value and the annotation; what follows it is not read
        assertEquals("Before", same(au("nul.au", "title=Before\0artist=After\n")).title());
        // an entry still open where the field ends is dropped
        TrackTags open = same(au("open.au", "artist=Kept\ntitle=never ended"));
        assertEquals("Kept", open.artist());
        assertNull(open.title());
        // bytes that are no UTF-8 read as ContainerTags decodes FFmpeg's
        same(au("latin1.au", "title=Caf\u00e9\n", StandardCharsets.ISO_8859_1));
        // GTZAN's own headers: an annotation of NULs, or none
        assertEquals(TrackTags.NONE, same(au("zeros.au", "\0\0\0\0")));
        assertEquals(TrackTags.NONE, same(au("none.au", "")));
    }

    @Test
    void whatFfmpegMustReadItself() throws Exception {
        Path plain = au("plain.au", "title=x\n");
        byte[] b = Files.readAllBytes(plain);
        leftToFfmpeg(withInt(plain, "little-endian.au", b, 0, 0x646e732e)); // "dns.", which FFmpeg's probe refuses
        leftToFfmpeg(withInt(plain, "header-past-end.au", b, 4, b.length + 1));
        leftToFfmpeg(withInt(plain, "header-too-small.au", b, 4, 16));
        leftToFfmpeg(withInt(plain, "no-data-size.au", b, 8, 0)); // FFmpeg's probe wants every field non-zero
        leftToFfmpeg(withInt(plain, "negative-data-size.au", b, 8, 0x80000000));
        leftToFfmpeg(withInt(plain, "g722.au", b, 12, 24));
        leftToFfmpeg(withInt(plain, "no-channels.au", b, 20, 0));
        leftToFfmpeg(withInt(plain, "rate-past-int.au", b, 16, 0x80000000));
        try (var in = io.genrelake.audio.ffmpeg.SeekableInputStream.open(plain)) {
            assertNull(AuTags.read(in, 23), "a file shorter than the header");
        }
    }

    // --- AU bytes --------------------------------------------------------------------------------------------------

    private static Path au(String name, String annotation) throws IOException {
        return au(name, annotation, StandardCharsets.UTF_8);
    }

    /** 8 kHz mono 16-bit big-endian AU whose annotation field holds {@code annotation}, then 800 frames. */
    private static Path au(String name, String annotation, java.nio.charset.Charset charset) throws IOException {
        byte[] text = annotation.getBytes(charset);
        byte[] samples = new byte[1600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(24).put(".snd".getBytes(StandardCharsets.US_ASCII)).putInt(24 + text.length)
                .putInt(samples.length).putInt(3).putInt(8000).putInt(1).array());
        out.writeBytes(text);
        out.writeBytes(samples);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static Path withInt(Path original, String name, byte[] bytes, int at, int value) throws IOException {
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).putInt(at, value);
        Path file = original.resolveSibling(name);
        Files.write(file, b);
        return file;
    }
}
