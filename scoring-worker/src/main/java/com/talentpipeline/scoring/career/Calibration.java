package com.talentpipeline.scoring.career;

import java.util.List;

/**
 * Calibration arithmetic for career-path confidences: the softmax with a temperature, the expected
 * calibration error (ECE) of top-1 confidences, and the temperature that minimises the negative
 * log-likelihood of the true labels (temperature scaling, Guo et al. 2017).
 */
public final class Calibration {

    private Calibration() {
    }

    /**
     * @param scores      one score per label
     * @param temperature divides every score before the exponential; must be positive
     * @return probabilities summing to 1
     */
    public static double[] softmax(double[] scores, double temperature) {
        if (temperature <= 0) {
            throw new IllegalArgumentException("temperature must be positive: " + temperature);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp((scores[i] - max) / temperature); // shifted by the max: no overflow
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Expected calibration error over equal-width confidence bins: the sample-weighted mean, over the
     * bins, of |accuracy - mean confidence| of the predictions whose top-1 confidence falls in it.
     * A confidence of exactly 1 falls in the last bin.
     *
     * @param confidence top-1 confidence per prediction, 0-1
     * @param correct    whether each top-1 prediction was right
     * @param bins       number of bins (10 is customary)
     * @return ECE in 0-1; 0 for no predictions
     */
    public static double expectedCalibrationError(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException("one correctness flag per confidence");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        if (confidence.length == 0) {
            return 0;
        }
        double[] confSum = new double[bins];
        int[] hits = new int[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            double c = confidence[i];
            if (c < 0 || c > 1 || Double.isNaN(c)) {
                throw new IllegalArgumentException("confidence out of [0, 1]: " + c);
            }
            int b = Math.min(bins - 1, (int) (c * bins));
            confSum[b] += c;
            count[b]++;
            hits[b] += correct[i] ? 1 : 0;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(hits[b] / (double) count[b] - confSum[b] / count[b]) * count[b];
            }
        }
        return ece / confidence.length;
    }

    /**
     * The temperature that minimises the mean negative log-likelihood of the true labels, found by a
     * golden-section search on log T in [1e-3, 10] (the NLL is unimodal in T for fixed scores).
     *
     * @param scores one score row per example
     * @param truth  index of the true label per example
     * @return the fitted temperature
     */
    public static double fitTemperature(List<double[]> scores, int[] truth) {
        if (scores.size() != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need one truth index per score row, at least one");
        }
        double lo = Math.log(1e-3);
        double hi = Math.log(10);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(scores, truth, Math.exp(a));
        double fb = nll(scores, truth, Math.exp(b));
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(scores, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(scores, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the true labels at a temperature. */
    public static double nll(List<double[]> scores, int[] truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double[] p = softmax(scores.get(i), temperature);
            sum -= Math.log(Math.max(p[truth[i]], 1e-12));
        }
        return sum / truth.length;
    }
}
