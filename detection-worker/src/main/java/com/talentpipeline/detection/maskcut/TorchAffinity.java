package com.talentpipeline.detection.maskcut;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thresholded cosine affinity computed as one matrix product on DJL's PyTorch engine (BLAS,
 * multi-threaded): for 3600 patches of 384-d DINO features the pure-Java product is billions of
 * scalar multiply-adds, the engine's a few tens of milliseconds. Used when the engine loads; the
 * Java loop in {@link NormalizedCut} is the fallback.
 */
final class TorchAffinity {

    private static final Logger log = LoggerFactory.getLogger(TorchAffinity.class);
    private static final String ENGINE = "PyTorch";
    private static volatile Boolean available;

    private TorchAffinity() {
    }

    /** Whether the PyTorch engine can be used (checked once). */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (TorchAffinity.class) {
                if (available == null) {
                    try {
                        Engine.getEngine(ENGINE);
                        available = true;
                    } catch (RuntimeException | LinkageError e) {
                        log.info("PyTorch engine not available ({}); affinities computed in Java", e.toString());
                        available = false;
                    }
                }
                a = available;
            }
        }
        return a;
    }

    /** {@code A_ij = 1} where the cosine of rows i and j exceeds tau, else eps; 1 on the diagonal. */
    static float[] affinity(float[] features, int n, int dim, double tau, double eps) {
        try (NDManager manager = NDManager.newBaseManager(ENGINE)) {
            NDArray f = manager.create(features, new Shape(n, dim));
            NDArray cosine = f.matMul(f.transpose());
            NDArray a = cosine.gt((float) tau).toType(DataType.FLOAT32, false).mul((float) (1 - eps)).add((float) eps);
            float[] out = a.toFloatArray();
            for (int i = 0; i < n; i++) {
                out[i * n + i] = 1f;
            }
            return out;
        }
    }
}
