package com.talentpipeline.scoring.career;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.core.career.CareerPrediction;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The few-shot prototype and the hub correction, on hand-placed vectors (no model). */
class FewShotCombinationTest {

    /** Fixed vectors per text, so every cosine below can be worked out by hand. */
    private static final class FixedEncoder implements TextEncoder {
        private final Map<String, float[]> vectors;

        FixedEncoder(Map<String, float[]> vectors) {
            this.vectors = vectors;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fixed", "fixed@0", 4, "none", "cpu", "0".repeat(64), 0, "test");
        }

        @Override
        public float[][] embed(List<String> texts) {
            return texts.stream().map(t -> {
                float[] v = vectors.get(t);
                if (v == null) {
                    throw new IllegalArgumentException("no vector for " + t);
                }
                return Vectors.normalised(v.clone());
            }).toArray(float[][]::new);
        }

        @Override
        public void close() {
        }
    }

    private static CareerLabel label(String name, String... examples) {
        return new CareerLabel(name, name, "", List.of("x"), List.of(examples)); // skills given: no expansion
    }

    private static String text(String name) {
        return name + " Typical skills: x.";
    }

    @Test
    void theLabelTextCountsAsLabelWeightExamplesInThePrototype() {
        FixedEncoder encoder = new FixedEncoder(Map.of(text("A"), new float[] {1, 0, 0, 0}, text("B"),
                new float[] {0, 1, 0, 0}, "a1", new float[] {0, 0, 1, 0}, "b1", new float[] {0, 1, 0, 0}));
        CareerPredictor predictor = new CareerPredictor(encoder, new CareerPredictor.Settings(0.05, 0.05, 2, 0, 0, 10, 0, 0, 20));
        LabelSet set = predictor.embed(List.of(label("A", "a1"), label("B", "b1")));
        // A: normalise(2 * (1,0,0,0) + (0,0,1,0)) = (2, 0, 1, 0) / sqrt(5).
        assertThat(set.prototypes()[0][0]).isCloseTo((float) (2 / Math.sqrt(5)), within(1e-6f));
        assertThat(set.prototypes()[0][2]).isCloseTo((float) (1 / Math.sqrt(5)), within(1e-6f));
        assertThat(set.fewShot()).isTrue();
        assertThat(set.temperature()).isEqualTo(0.05);
    }

    @Test
    void anAtypicalExampleDoesNotOverrideTheLabel() {
        // The only example of A happens to look like B; a resume close to A's text must stay A.
        FixedEncoder encoder = new FixedEncoder(Map.of(text("A"), new float[] {1, 0, 0, 0}, text("B"),
                new float[] {0, 1, 0, 0}, "a1", new float[] {0, 1, 0, 0.5f}, "b1", new float[] {0, 1, 0.2f, 0},
                "resume", new float[] {1, 0.3f, 0, 0}));
        CareerPredictor examplesOnly = new CareerPredictor(encoder, new CareerPredictor.Settings(0.05, 0.05, 0, 0, 0, 10, 0, 0, 20));
        CareerPredictor blended = new CareerPredictor(encoder, new CareerPredictor.Settings(0.05, 0.05, 2, 0, 0, 10, 0, 0, 20));
        List<CareerLabel> labels = List.of(label("A", "a1"), label("B", "b1"));
        float[] resume = encoder.embed(List.of("resume"))[0];
        assertThat(examplesOnly.predict(resume, examplesOnly.embed(labels), 1).get(0).id()).isEqualTo("B");
        assertThat(blended.predict(resume, blended.embed(labels), 1).get(0).id()).isEqualTo("A");
    }

    @Test
    void aHubLabelIsCorrectedByItsClosenessToOtherLabelsExamples() {
        // H sits between A and B (a hub); the resume is A's but slightly closer to H by raw cosine.
        Map<String, float[]> v = Map.of(text("A"), new float[] {1, 0, 0, 0}, "a1", new float[] {1, 0, 0, 0},
                text("B"), new float[] {0, 1, 0, 0}, "b1", new float[] {0, 1, 0, 0},
                text("H"), new float[] {0.6f, 0.6f, 0.53f, 0}, "h1", new float[] {0.6f, 0.6f, 0.53f, 0},
                "resume", new float[] {0.75f, 0.1f, 0.65f, 0});
        FixedEncoder encoder = new FixedEncoder(v);
        List<CareerLabel> labels = List.of(label("A", "a1"), label("B", "b1"), label("H", "h1"));
        float[] resume = encoder.embed(List.of("resume"))[0];
        CareerPredictor raw = new CareerPredictor(encoder, new CareerPredictor.Settings(0.05, 0.05, 1, 0, 0, 10, 0, 0, 1));
        CareerPredictor csls = new CareerPredictor(encoder, new CareerPredictor.Settings(0.05, 0.05, 1, 1, 1, 10, 0, 0, 1));
        assertThat(raw.predict(resume, raw.embed(labels), 1).get(0).id()).isEqualTo("H");
        LabelSet set = csls.embed(labels);
        // H's hub: mean cosine with a1 and b1 (the other labels' examples); A's: with b1 (0) and h1.
        double h = Vectors.dot(set.prototypes()[2], encoder.embed(List.of("a1"))[0]);
        assertThat(set.hubs()[2]).isCloseTo(h, within(1e-6));
        assertThat(set.hubs()[2]).isGreaterThan(set.hubs()[0]);
        List<CareerPrediction> top = csls.predict(resume, set, 3);
        assertThat(top.get(0).id()).isEqualTo("A");
        assertThat(top.stream().mapToDouble(CareerPrediction::confidence).sum()).isLessThanOrEqualTo(1.0);
    }
}
