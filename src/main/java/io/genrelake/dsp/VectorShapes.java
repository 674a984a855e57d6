package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape per element type that every Vector API class of genrelake uses (see
 * {@link VectorApiProbe}: on JDK 17 two shapes of one element type in a JVM pollute the API's type profiles and
 * C2 stops intrinsifying stores). Doubles and ints at the preferred width; floats at half of it, so that a float
 * vector converts lane for lane to a double vector (the HPSS soft mask). Only Vector API classes refer to this
 * class, so a JVM without the module never loads it.
 */
public final class VectorShapes {

    public static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    public static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    public static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;

    private VectorShapes() {}
}
