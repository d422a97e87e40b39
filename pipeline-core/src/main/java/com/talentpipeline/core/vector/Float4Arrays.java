package com.talentpipeline.core.vector;

/**
 * Vectors to and from PostgreSQL {@code float4[]} columns: the R2DBC driver binds and reads them as
 * {@code Float[]}, the code works with {@code float[]}.
 */
public final class Float4Arrays {

    private Float4Arrays() {
    }

    /** A vector as the driver binds a {@code float4[]}. */
    public static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** A {@code float4[]} as the driver reads it, as a vector. */
    public static float[] unboxed(Float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
