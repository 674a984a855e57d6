package io.genrelake.dsp;

/** Constants of IEEE single precision that librosa's float32 arithmetic depends on. */
public final class Float32 {

    /** {@code numpy.finfo(np.float32).tiny}: librosa's threshold for "zero" in normalisations. */
    public static final float TINY = Float.MIN_NORMAL;

    private Float32() {}
}
