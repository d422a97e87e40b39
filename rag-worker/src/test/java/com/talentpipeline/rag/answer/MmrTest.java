package com.talentpipeline.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MmrTest {

    private static float[] unit(double... v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    private final float[] query = unit(1, 0, 0);
    // 0 and 1 are near-duplicates, both very relevant; 2 is less relevant but different.
    private final float[][] docs = {unit(0.9, 0.1, 0), unit(0.9, 0.11, 0), unit(0.7, 0, 0.7), unit(0, 1, 0)};

    @Test
    void lambdaOneIsPlainCosineTopK() {
        List<Mmr.Pick> picks = Mmr.select(query, docs, 3, 1.0);
        assertThat(picks).extracting(Mmr.Pick::index).containsExactly(0, 1, 2);
        assertThat(picks.get(0).score()).isCloseTo(0.9939, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void diversityPushesOutNearDuplicates() {
        List<Mmr.Pick> picks = Mmr.select(query, docs, 2, 0.5);
        assertThat(picks).extracting(Mmr.Pick::index).containsExactly(0, 2);
        // The reported score stays the relevance, not the MMR value.
        assertThat(picks.get(1).score()).isCloseTo(0.7071, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void kLargerThanTheCandidatesReturnsAllOnce() {
        assertThat(Mmr.select(query, docs, 10, 0.7)).extracting(Mmr.Pick::index).doesNotHaveDuplicates().hasSize(4);
    }
}
