package com.talentpipeline.rag.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cosine top-k with maximal marginal relevance: each next pick maximises
 * {@code lambda * sim(query, d) - (1 - lambda) * max sim(d, picked)}, so near-duplicate chunks give way
 * to different evidence. Vectors are L2-normalised, so cosine is the dot product.
 */
public final class Mmr {

    private Mmr() {
    }

    /** A picked chunk: its index and its relevance (cosine to the query, not the MMR value). */
    public record Pick(int index, double score) {
    }

    /** Picks up to {@code k} of {@code docs} for {@code query}, in pick order. */
    public static List<Pick> select(float[] query, float[][] docs, int k, double lambda) {
        double[] relevance = new double[docs.length];
        for (int i = 0; i < docs.length; i++) {
            relevance[i] = dot(query, docs[i]);
        }
        return select(relevance, docs, k, lambda);
    }

    /** Picks with precomputed relevances (e.g. cosine plus a lexical score); redundancy is still cosine. */
    public static List<Pick> select(double[] relevance, float[][] docs, int k, double lambda) {
        int n = docs.length;
        boolean[] taken = new boolean[n];
        double[] maxSimToPicked = new double[n];
        java.util.Arrays.fill(maxSimToPicked, Double.NEGATIVE_INFINITY);
        List<Pick> picks = new ArrayList<>();
        for (int round = 0; round < Math.min(k, n); round++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = picks.isEmpty() ? 0 : maxSimToPicked[i];
                double value = lambda * relevance[i] - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = i;
                }
            }
            taken[best] = true;
            picks.add(new Pick(best, relevance[best]));
            for (int i = 0; i < n; i++) {
                if (!taken[i]) {
                    maxSimToPicked[i] = Math.max(maxSimToPicked[i], dot(docs[i], docs[best]));
                }
            }
        }
        return picks;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
