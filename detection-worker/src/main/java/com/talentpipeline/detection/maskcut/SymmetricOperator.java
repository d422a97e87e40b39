package com.talentpipeline.detection.maskcut;

/** A symmetric linear operator {@code y = M x} on vectors of length {@link #size()}, for the eigen-solver. */
interface SymmetricOperator {

    /** The dimension of the vectors. */
    int size();

    /** Writes {@code M x} into {@code y} (both of length {@link #size()}). */
    void apply(double[] x, double[] y);
}
