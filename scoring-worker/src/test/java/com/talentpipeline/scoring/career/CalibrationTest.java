package com.talentpipeline.scoring.career;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void eceIsTheSampleWeightedGapBetweenAccuracyAndConfidencePerBin() {
        // Bin [0.9, 1.0]: confidences 0.95, 0.95, 1.0 (exactly 1 joins the last bin), 2 of 3 right:
        //   |0.667 - 0.9667| * 3 = 0.9. Bin [0.3, 0.4): 0.35 wrong: |0 - 0.35| * 1 = 0.35. ECE = 1.25 / 4.
        double ece = Calibration.expectedCalibrationError(new double[] {0.95, 0.95, 1.0, 0.35},
                new boolean[] {true, true, false, false}, 10);
        assertThat(ece).isCloseTo(1.25 / 4, within(1e-9));
    }

    @Test
    void perfectlyCalibratedPredictionsHaveNoError() {
        double[] confidence = {0.75, 0.75, 0.75, 0.75, 0.25, 0.25, 0.25, 0.25};
        boolean[] correct = {true, true, true, false, true, false, false, false};
        assertThat(Calibration.expectedCalibrationError(confidence, correct, 10)).isCloseTo(0, within(1e-12));
        assertThat(Calibration.expectedCalibrationError(new double[0], new boolean[0], 10)).isZero();
    }

    @Test
    void rejectsConfidencesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Calibration.expectedCalibrationError(new double[] {1.2}, new boolean[] {true}, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Calibration.softmax(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void softmaxSumsToOneAndSharpensWithALowerTemperature() {
        double[] warm = Calibration.softmax(new double[] {0.5, 0.4, 0.1}, 1);
        double[] cold = Calibration.softmax(new double[] {0.5, 0.4, 0.1}, 0.05);
        assertThat(warm[0] + warm[1] + warm[2]).isCloseTo(1, within(1e-12));
        assertThat(cold[0] + cold[1] + cold[2]).isCloseTo(1, within(1e-12));
        assertThat(cold[0]).isGreaterThan(warm[0]);
        assertThat(cold[0] / cold[1]).isCloseTo(Math.exp(0.1 / 0.05), within(1e-9));
        // Large scores do not overflow: the softmax is shifted by the maximum.
        assertThat(Calibration.softmax(new double[] {1000, 999}, 0.01)[0]).isCloseTo(1, within(1e-12));
    }

    @Test
    void fittedTemperatureRecoversTheOneTheLabelsWereDrawnWith() {
        Random random = new Random(7);
        List<double[]> scores = new ArrayList<>();
        int n = 4000;
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double[] s = new double[5];
            for (int k = 0; k < s.length; k++) {
                s[k] = random.nextGaussian() * 0.1;
            }
            double[] p = Calibration.softmax(s, 0.04);
            double u = random.nextDouble();
            int label = 0;
            for (double acc = p[0]; acc < u && label < p.length - 1; acc += p[++label]) {
                // walk the cumulative distribution
            }
            scores.add(s);
            truth[i] = label;
        }
        double fitted = Calibration.fitTemperature(scores, truth);
        assertThat(fitted).isCloseTo(0.04, within(0.004));
        assertThat(Calibration.nll(scores, truth, fitted)).isLessThan(Calibration.nll(scores, truth, 0.02));
        assertThat(Calibration.nll(scores, truth, fitted)).isLessThan(Calibration.nll(scores, truth, 0.08));
    }
}
