package io.genrelake.audio;

/**
 * The 80-bit IEEE 754 extended-precision number AIFF stores its sample rate in: 1 sign bit, 15
 * exponent bits (bias 16383), a 64-bit mantissa with an explicit integer bit.
 */
final class ExtendedFloat {

    private static final int BIAS = 16383;

    private ExtendedFloat() {}

    /** The value of the 10 bytes at b[off], rounded toward zero to double precision. */
    static double toDouble(byte[] b, int off) {
        int signExponent = Bytes.u16(b, off, true);
        boolean negative = (signExponent & 0x8000) != 0;
        int exponent = signExponent & 0x7FFF;
        long mantissa = Bytes.u64be(b, off + 2);
        double magnitude;
        if (exponent == 0x7FFF) {
            magnitude = (mantissa << 1) == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            // The top 53 of the 64 mantissa bits fit a double exactly; value = m * 2^(e - bias - 63).
            magnitude = Math.scalb((double) (mantissa >>> 11), exponent - BIAS - 52);
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * The sample rate as libsndfile reads it (tenbytefloat2int: truncated to an integer), or 0 when
     * the value is not a positive rate an int can hold.
     */
    static int toSampleRate(byte[] b, int off) {
        double value = toDouble(b, off);
        if (!(value >= 1) || value > Integer.MAX_VALUE) {
            return 0;
        }
        return (int) value;
    }
}
