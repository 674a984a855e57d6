package io.genrelake.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test Sun/NeXT AU files: any encoding number, annotation bytes, unknown data size. */
final class AuFileBuilder {

    static final long SIZE_UNKNOWN = 0xFFFFFFFFL;

    private final int encoding;
    private int channels = 1;
    private long sampleRate = 22050;
    private byte[] annotation = new byte[0];
    private byte[] data = new byte[0];
    private Long dataSizeField;
    private Long dataOffsetField;
    private boolean littleEndian;

    AuFileBuilder(int encoding) {
        this.encoding = encoding;
    }

    AuFileBuilder channels(int channels) {
        this.channels = channels;
        return this;
    }

    AuFileBuilder sampleRate(long rate) {
        this.sampleRate = rate;
        return this;
    }

    AuFileBuilder annotation(String text) {
        this.annotation = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return this;
    }

    AuFileBuilder data(byte[] samples) {
        this.data = samples;
        return this;
    }

    AuFileBuilder dataSizeField(long size) {
        this.dataSizeField = size;
        return this;
    }

    AuFileBuilder dataOffsetField(long offset) {
        this.dataOffsetField = offset;
        return this;
    }

    /** The "dns." variant: the same header, little-endian. */
    AuFileBuilder littleEndian() {
        this.littleEndian = true;
        return this;
    }

    byte[] build() {
        ByteWriter w = new ByteWriter(!littleEndian).ascii(littleEndian ? "dns." : ".snd");
        w.u32(dataOffsetField != null ? dataOffsetField : 24 + annotation.length)
                .u32(dataSizeField != null ? dataSizeField : data.length)
                .u32(encoding).u32(sampleRate).u32(channels)
                .bytes(annotation).bytes(data);
        return w.toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, build());
        return path;
    }
}
