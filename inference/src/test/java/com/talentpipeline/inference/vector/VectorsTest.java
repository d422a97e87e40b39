package com.talentpipeline.inference.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void dotAndCosineAgreeOnUnitVectorsAndHandleMissingOrZeroVectors() {
        float[] a = Vectors.normalised(new float[] {3, 4, 0, 0, 1});
        float[] b = Vectors.normalised(new float[] {1, 0, 2, 0, 1});
        assertThat((double) Vectors.dot(a, b)).isCloseTo(Vectors.cosine(a, b), within(1e-6));
        assertThat(Vectors.cosine(new float[] {1, 2}, new float[] {2, 4})).isCloseTo(1.0, within(1e-9));
        assertThat(Vectors.cosine(null, a)).isZero();
        assertThat(Vectors.cosine(new float[5], a)).isZero();
        float[] matrix = new float[10];
        System.arraycopy(b, 0, matrix, 5, 5);
        assertThat(Vectors.dot(a, matrix, 5)).isEqualTo(Vectors.dot(a, b));
    }

    @Test
    void normalisingCopiesOrScalesInPlaceAndKeepsZeroVectorsZero() {
        float[] v = {3, 4};
        float[] copy = Vectors.normalised(v);
        assertThat(copy).containsExactly(0.6f, 0.8f);
        assertThat(v).containsExactly(3f, 4f);
        assertThat(Vectors.normaliseInPlace(v)).isSameAs(v).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.normalised(new float[3])).containsExactly(0f, 0f, 0f);
        float[] rows = {3, 4, 0, 0, 0, 5};
        Vectors.normaliseRows(rows, 3, 2);
        assertThat(rows).containsExactly(0.6f, 0.8f, 0f, 0f, 0f, 1f);
    }

    @Test
    void theMeanIsTheUnitDirectionOfTheSumSkippingMissingVectors() {
        float[] mean = Vectors.normalisedMean(Arrays.asList(new float[] {1, 0}, null, new float[] {0, 1}));
        assertThat(mean[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(mean[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(Vectors.normalisedMean(List.of(new float[] {1, -1}, new float[] {-1, 1}))).containsExactly(0f, 0f);
        assertThat(Vectors.normalisedMean(Arrays.asList((float[]) null))).isNull();
    }
}
