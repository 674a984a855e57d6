package io.genrelake.dsp;

/**
 * {@code librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80)}: {@code 10 log10(max(amin, S))},
 * then clipped below at (the maximum over the whole clip) − top_db. The clip-wide maximum makes the
 * clipping a second step: {@link #toDb} per frame, {@link #clip} once the maximum is known.
 */
public final class PowerToDb {

    public static final float AMIN = 1e-10f;
    public static final float TOP_DB = 80f;

    private PowerToDb() {}

    /** 10·log10(max(amin, x)) in float32. */
    public static float toDb(float x) {
        return (float) (10.0 * Math.log10(Math.max(AMIN, x)));
    }

    /** The floor below which dB values are clipped, given the largest power of the clip. */
    public static float floorFor(float maxPower) {
        return toDb(maxPower) - TOP_DB;
    }

    /** In place: db[i] = max(10·log10(max(amin, power[i])), floor). */
    public static void toClippedDb(float[] power, float[] db, int n, float floor) {
        for (int i = 0; i < n; i++) {
            float v = toDb(power[i]);
            db[i] = v < floor ? floor : v;
        }
    }
}
