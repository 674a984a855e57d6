package io.genrelake.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One sample encoding: its ffmpeg codec name, its width, and the conversion to float that
 * libsndfile's sf_read_float applies (what soundfile, hence librosa, returns).
 */
enum SampleFormat {
    U8("pcm_u8", 1),
    S8("pcm_s8", 1),
    S16LE("pcm_s16le", 2),
    S16BE("pcm_s16be", 2),
    S24LE("pcm_s24le", 3),
    S24BE("pcm_s24be", 3),
    S32LE("pcm_s32le", 4),
    S32BE("pcm_s32be", 4),
    F32LE("pcm_f32le", 4),
    F32BE("pcm_f32be", 4),
    F64LE("pcm_f64le", 8),
    F64BE("pcm_f64be", 8),
    MULAW("pcm_mulaw", 1),
    ALAW("pcm_alaw", 1);

    // libsndfile normalisation factors (pcm.c, ulaw.c, alaw.c): exact powers of two.
    private static final float SCALE_8 = 1f / 128f;               // (u8 - 128) / 128, s8 / 128
    private static final float SCALE_16 = 1f / 32768f;            // s16 / 32768, G.711 linear / 32768
    private static final float SCALE_24 = 1f / 8388608f;          // s24 / 8388608
    private static final float SCALE_32 = 1f / 2147483648f;       // (float) s32 / 2147483648

    private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE = view(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = view(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_LE = view(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = view(double[].class, ByteOrder.BIG_ENDIAN);

    final String codec;
    final int bytes;

    SampleFormat(String codec, int bytes) {
        this.codec = codec;
        this.bytes = bytes;
    }

    private static VarHandle view(Class<?> arrayType, ByteOrder order) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, order);
    }

    /** Converts {@code count} consecutive samples starting at src[0] into dst[off..off+count). */
    void decode(byte[] src, int count, float[] dst, int off) {
        switch (this) {
            case U8 -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = ((src[i] & 0xFF) - 128) * SCALE_8;
                }
            }
            case S8 -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = src[i] * SCALE_8;
                }
            }
            case S16LE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (short) SHORT_LE.get(src, 2 * i) * SCALE_16;
                }
            }
            case S16BE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (short) SHORT_BE.get(src, 2 * i) * SCALE_16;
                }
            }
            case S24LE -> {
                for (int i = 0, p = 0; i < count; i++, p += 3) {
                    int v = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8 | src[p + 2] << 16;
                    dst[off + i] = v * SCALE_24;
                }
            }
            case S24BE -> {
                for (int i = 0, p = 0; i < count; i++, p += 3) {
                    int v = src[p] << 16 | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF);
                    dst[off + i] = v * SCALE_24;
                }
            }
            case S32LE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) (int) INT_LE.get(src, 4 * i) * SCALE_32;
                }
            }
            case S32BE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) (int) INT_BE.get(src, 4 * i) * SCALE_32;
                }
            }
            case F32LE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) FLOAT_LE.get(src, 4 * i);
                }
            }
            case F32BE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) FLOAT_BE.get(src, 4 * i);
                }
            }
            case F64LE -> { // libsndfile d2f: a plain cast, round to nearest
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) (double) DOUBLE_LE.get(src, 8 * i);
                }
            }
            case F64BE -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = (float) (double) DOUBLE_BE.get(src, 8 * i);
                }
            }
            case MULAW -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = G711.ulaw(src[i]) * SCALE_16;
                }
            }
            case ALAW -> {
                for (int i = 0; i < count; i++) {
                    dst[off + i] = G711.alaw(src[i]) * SCALE_16;
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    /** Signed big- or little-endian integer PCM of the given container width in bytes, or null. */
    static SampleFormat signedPcm(int containerBytes, boolean bigEndian) {
        return switch (containerBytes) {
            case 1 -> S8;
            case 2 -> bigEndian ? S16BE : S16LE;
            case 3 -> bigEndian ? S24BE : S24LE;
            case 4 -> bigEndian ? S32BE : S32LE;
            default -> null;
        };
    }

    /** IEEE float of the given width in bytes, or null. */
    static SampleFormat ieeeFloat(int containerBytes, boolean bigEndian) {
        return switch (containerBytes) {
            case 4 -> bigEndian ? F32BE : F32LE;
            case 8 -> bigEndian ? F64BE : F64LE;
            default -> null;
        };
    }
}
