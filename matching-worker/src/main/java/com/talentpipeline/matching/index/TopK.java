package com.talentpipeline.matching.index;

/** A bounded min-heap of (row, score) keeping the k best scores; primitive arrays, no boxing. */
final class TopK {

    private final int k;
    private final int[] rows;
    private final float[] scores;
    private int size;

    TopK(int k) {
        this.k = k;
        this.rows = new int[k];
        this.scores = new float[k];
    }

    /** Whether a score would enter the heap. */
    boolean accepts(float score) {
        return size < k || score > scores[0];
    }

    void add(int row, float score) {
        if (size < k) {
            rows[size] = row;
            scores[size] = score;
            siftUp(size++);
        } else if (score > scores[0]) {
            rows[0] = row;
            scores[0] = score;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[i] >= scores[parent]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < size && scores[l] < scores[min]) {
                min = l;
            }
            if (r < size && scores[r] < scores[min]) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        int tr = rows[a];
        rows[a] = rows[b];
        rows[b] = tr;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }

    /** Rows best first (sorts the heap in place; the heap accepts no more adds afterwards). */
    int[] rowsBestFirst() {
        sortDescending();
        return java.util.Arrays.copyOf(rows, size);
    }

    float[] scoresBestFirst() {
        sortDescending();
        return java.util.Arrays.copyOf(scores, size);
    }

    private boolean sorted;

    private void sortDescending() {
        if (sorted) {
            return;
        }
        // Heap-sort in place: repeatedly move the minimum to the end, which leaves the array descending.
        int n = size;
        for (int end = n - 1; end > 0; end--) {
            swap(0, end);
            size = end;
            siftDown(0);
        }
        size = n;
        sorted = true;
    }
}
