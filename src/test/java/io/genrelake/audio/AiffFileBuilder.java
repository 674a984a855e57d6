package io.genrelake.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes test AIFF and AIFF-C files: any compression type, SSND offsets, chunk orders, odd chunks. */
final class AiffFileBuilder {

    private final boolean aifc;
    private String compression = "NONE";
    private int channels = 1;
    private int bits = 16;
    private int sampleRate = 22050;
    private Long frameCountField;
    private int ssndOffset;
    private byte[] data = new byte[0];
    private boolean ssndBeforeComm;
    private final List<byte[]> extraChunks = new ArrayList<>();

    private AiffFileBuilder(boolean aifc) {
        this.aifc = aifc;
    }

    static AiffFileBuilder aiff(int bits, int channels, int sampleRate) {
        AiffFileBuilder b = new AiffFileBuilder(false);
        b.bits = bits;
        b.channels = channels;
        b.sampleRate = sampleRate;
        return b;
    }

    static AiffFileBuilder aifc(String compression, int bits, int channels, int sampleRate) {
        AiffFileBuilder b = new AiffFileBuilder(true);
        b.compression = compression;
        b.bits = bits;
        b.channels = channels;
        b.sampleRate = sampleRate;
        return b;
    }

    AiffFileBuilder data(byte[] samples, int frames) {
        this.data = samples;
        if (frameCountField == null) {
            this.frameCountField = (long) frames;
        }
        return this;
    }

    AiffFileBuilder ssndOffset(int offset) {
        this.ssndOffset = offset;
        return this;
    }

    AiffFileBuilder ssndBeforeComm() {
        this.ssndBeforeComm = true;
        return this;
    }

    AiffFileBuilder chunk(String id, byte[] body) {
        ByteWriter w = ByteWriter.be().ascii(id).u32(body.length).bytes(body);
        if ((body.length & 1) != 0) {
            w.u8(0); // IFF pad byte
        }
        extraChunks.add(w.toByteArray());
        return this;
    }

    /** The 80-bit extended encoding of a positive integer rate, written independently of the decoder. */
    static byte[] extended(long rate) {
        if (rate == 0) {
            return new byte[10];
        }
        int exponent = 63 - Long.numberOfLeadingZeros(rate);
        long mantissa = rate << (63 - exponent);
        return ByteWriter.be().u16(16383 + exponent).u32(mantissa >>> 32).u32(mantissa & 0xFFFFFFFFL).toByteArray();
    }

    private byte[] comm() {
        ByteWriter body = ByteWriter.be().u16(channels).u32(frameCountField == null ? 0 : frameCountField)
                .u16(bits).bytes(extended(sampleRate));
        if (aifc) {
            body.ascii(compression).u8(0).u8(0); // empty pascal-string name, padded to even length
        }
        return ByteWriter.be().ascii("COMM").u32(body.size()).bytes(body.toByteArray()).toByteArray();
    }

    private byte[] ssnd() {
        ByteWriter w = ByteWriter.be().ascii("SSND").u32(8L + ssndOffset + data.length)
                .u32(ssndOffset).u32(0).bytes(new byte[ssndOffset]).bytes(data);
        if (((8 + ssndOffset + data.length) & 1) != 0) {
            w.u8(0);
        }
        return w.toByteArray();
    }

    byte[] build() {
        ByteWriter form = ByteWriter.be().ascii(aifc ? "AIFC" : "AIFF");
        if (aifc) {
            form.ascii("FVER").u32(4).u32(0xA2805140L);
        }
        extraChunks.forEach(form::bytes);
        if (ssndBeforeComm) {
            form.bytes(ssnd()).bytes(comm());
        } else {
            form.bytes(comm()).bytes(ssnd());
        }
        byte[] body = form.toByteArray();
        return ByteWriter.be().ascii("FORM").u32(body.length).bytes(body).toByteArray();
    }

    Path write(Path dir, String name) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, build());
        return path;
    }
}
