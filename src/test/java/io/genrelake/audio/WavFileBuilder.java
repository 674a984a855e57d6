package io.genrelake.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes test WAV files of any layout, including the odd ones: RIFX, WAVE_FORMAT_EXTENSIBLE,
 * unknown chunks (odd sizes padded) before data, chunks after data, streaming sizes, wrong fields.
 */
final class WavFileBuilder {

    static final long SIZE_UNKNOWN = 0xFFFFFFFFL;

    private boolean rifx;
    private int tag = 1;
    private int channels = 1;
    private long sampleRate = 22050;
    private int bits = 16;
    private Integer blockAlign;
    private boolean extensible;
    private int subFormatTag;
    private int validBits;
    private byte[] guidTail = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
    private final List<byte[]> chunksBeforeFmt = new ArrayList<>();
    private final List<byte[]> chunksBeforeData = new ArrayList<>();
    private final List<byte[]> chunksAfterData = new ArrayList<>();
    private byte[] data = new byte[0];
    private Long dataSizeField;
    private Integer cutAt;

    static WavFileBuilder pcm(int bits, int channels, int sampleRate) {
        WavFileBuilder b = new WavFileBuilder();
        b.bits = bits;
        b.channels = channels;
        b.sampleRate = sampleRate;
        return b;
    }

    WavFileBuilder tag(int formatTag) {
        this.tag = formatTag;
        return this;
    }

    WavFileBuilder rifx() {
        this.rifx = true;
        return this;
    }

    WavFileBuilder sampleRate(long rate) {
        this.sampleRate = rate;
        return this;
    }

    WavFileBuilder channels(int channels) {
        this.channels = channels;
        return this;
    }

    WavFileBuilder blockAlign(int blockAlign) {
        this.blockAlign = blockAlign;
        return this;
    }

    /** WAVE_FORMAT_EXTENSIBLE around subFormat (1 PCM, 3 float), with wValidBitsPerSample. */
    WavFileBuilder extensible(int subFormat, int validBits) {
        this.extensible = true;
        this.subFormatTag = subFormat;
        this.validBits = validBits;
        return this;
    }

    WavFileBuilder guidTail(byte[] tail) {
        this.guidTail = tail;
        return this;
    }

    WavFileBuilder data(byte[] samples) {
        this.data = samples;
        return this;
    }

    /** Overrides the data chunk's size field (e.g. 0xFFFFFFFF for a streaming writer). */
    WavFileBuilder dataSizeField(long size) {
        this.dataSizeField = size;
        return this;
    }

    WavFileBuilder chunkBeforeFmt(String id, byte[] body) {
        chunksBeforeFmt.add(chunk(id, body));
        return this;
    }

    WavFileBuilder chunkBeforeData(String id, byte[] body) {
        chunksBeforeData.add(chunk(id, body));
        return this;
    }

    WavFileBuilder chunkAfterData(String id, byte[] body) {
        chunksAfterData.add(chunk(id, body));
        return this;
    }

    /** Keeps only the first n bytes of the file. */
    WavFileBuilder cutAt(int n) {
        this.cutAt = n;
        return this;
    }

    int frameBytes() {
        return blockAlign != null ? blockAlign : channels * ((bits + 7) / 8);
    }

    private byte[] chunk(String id, byte[] body) {
        ByteWriter w = new ByteWriter(rifx).ascii(id).u32(body.length).bytes(body);
        if ((body.length & 1) != 0) {
            w.u8(0); // RIFF pad byte
        }
        return w.toByteArray();
    }

    private byte[] fmtChunk() {
        ByteWriter w = new ByteWriter(rifx);
        w.u16(extensible ? 0xFFFE : tag).u16(channels).u32(sampleRate)
                .u32(sampleRate * frameBytes()).u16(frameBytes()).u16(bits);
        if (extensible) {
            w.u16(22).u16(validBits).u32(channels == 1 ? 0x4 : 0x3).u32(subFormatTag).bytes(guidTail);
        }
        return chunk("fmt ", w.toByteArray());
    }

    byte[] build() {
        ByteWriter body = new ByteWriter(rifx).ascii("WAVE");
        chunksBeforeFmt.forEach(body::bytes);
        body.bytes(fmtChunk());
        chunksBeforeData.forEach(body::bytes);
        body.ascii("data").u32(dataSizeField != null ? dataSizeField : data.length).bytes(data);
        if ((data.length & 1) != 0 && !chunksAfterData.isEmpty()) {
            body.u8(0);
        }
        chunksAfterData.forEach(body::bytes);
        byte[] form = body.toByteArray();
        byte[] file = new ByteWriter(rifx).ascii(rifx ? "RIFX" : "RIFF").u32(form.length).bytes(form).toByteArray();
        return cutAt == null ? file : java.util.Arrays.copyOf(file, cutAt);
    }

    Path write(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, build());
        return path;
    }
}
