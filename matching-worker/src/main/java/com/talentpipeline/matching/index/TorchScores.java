package com.talentpipeline.matching.index;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.BitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mirror of the job matrix on DJL's PyTorch engine: all rows are scored against a query with one
 * matrix-vector product (vectorised, multi-threaded native code), the scores come back as one float
 * array and the filtered top-k selection stays in Java. Changed rows are copied to the mirror lazily,
 * row by row, before the next query; a grown matrix is copied whole. Calls are serialised.
 */
final class TorchScores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TorchScores.class);

    private final NDManager manager;
    private final int dimension;
    private final BitSet dirty = new BitSet();
    private NDArray mirror;
    private int mirrorRows;

    private TorchScores(NDManager manager, int dimension) {
        this.manager = manager;
        this.dimension = dimension;
    }

    /** A mirror on PyTorch (CPU), or null when the engine cannot start here. */
    static TorchScores tryCreate(int dimension) {
        try {
            return new TorchScores(Engine.getEngine("PyTorch").newBaseManager(Device.cpu()), dimension);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            log.warn("PyTorch engine unavailable, the job index scores in Java: {}", e.toString());
            return null;
        }
    }

    /** A row changed (under the index's write lock). */
    synchronized void changed(int row) {
        dirty.set(row);
    }

    /** Scores of rows {@code [0, rows)} of {@code matrix} against {@code query}. */
    synchronized float[] scores(float[] matrix, int rows, float[] query) {
        sync(matrix, rows);
        try (NDManager scope = manager.newSubManager()) {
            NDArray q = scope.create(query, new Shape(dimension, 1));
            NDArray view = mirror.get(new NDIndex("0:" + rows));
            NDArray scores = view.matMul(q);
            // Results attach to the mirror's manager: move them to the scope so they are freed with it.
            scope.attachAll(view, scores);
            return scores.toFloatArray();
        }
    }

    private void sync(float[] matrix, int rows) {
        if (mirror == null || rows > mirrorRows) {
            if (mirror != null) {
                mirror.close();
            }
            int capacity = matrix.length / dimension;
            mirror = manager.create(java.util.Arrays.copyOf(matrix, capacity * dimension), new Shape(capacity, dimension));
            mirrorRows = capacity;
            dirty.clear();
            return;
        }
        for (int row = dirty.nextSetBit(0); row >= 0; row = dirty.nextSetBit(row + 1)) {
            float[] values = java.util.Arrays.copyOfRange(matrix, row * dimension, (row + 1) * dimension);
            try (NDManager scope = manager.newSubManager()) {
                mirror.set(new NDIndex(row), scope.create(values));
            }
        }
        dirty.clear();
    }

    @Override
    public synchronized void close() {
        manager.close();
    }
}
