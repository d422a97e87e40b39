package com.talentpipeline.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.talentpipeline.inference.config.TextModelProperties;
import com.talentpipeline.inference.metrics.InferenceMetrics;
import com.talentpipeline.inference.model.ModelInfo;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the bundled all-MiniLM-L6-v2 once and checks it against langchain4j's independent encoder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DjlTextEncoderTest {

    private static final Logger log = LoggerFactory.getLogger(DjlTextEncoderTest.class);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DjlTextEncoder encoder;

    @BeforeAll
    void load() {
        encoder = DjlTextEncoder.load(new TextModelProperties(), registry);
    }

    @AfterAll
    void close() {
        if (encoder != null) {
            encoder.close();
        }
    }

    @Test
    void describesTheBundledModel() {
        ModelInfo info = encoder.info();
        assertThat(info.name()).isEqualTo("all-minilm-l6-v2");
        assertThat(info.dimension()).isEqualTo(384);
        assertThat(info.engine()).isEqualTo("OnnxRuntime");
        assertThat(info.device()).isEqualTo("cpu");
        assertThat(info.digest()).matches("[0-9a-f]{64}");
        assertThat(info.version()).isEqualTo("all-minilm-l6-v2@" + info.digest().substring(0, 12));
        assertThat(info.source()).endsWith("!/all-minilm-l6-v2.onnx");
        assertThat(info.loadTimeMillis()).isPositive();
        log.info("Bundled model: {}", info);
    }

    @Test
    void rowsAreUnitLengthWithModelDimension() {
        float[][] vectors = encoder.embed(TestTexts.SENTENCES);
        assertThat(vectors).hasNumberOfRows(TestTexts.SENTENCES.size());
        for (float[] v : vectors) {
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void matchesLangchain4jReferenceImplementation() {
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        float[][] ours = encoder.embed(TestTexts.SENTENCES);
        double worst = 1.0;
        float maxAbsDiff = 0;
        for (int i = 0; i < ours.length; i++) {
            float[] theirs = reference.embed(TestTexts.SENTENCES.get(i)).content().vector();
            double cos = cosine(ours[i], theirs);
            worst = Math.min(worst, cos);
            for (int d = 0; d < theirs.length; d++) {
                maxAbsDiff = Math.max(maxAbsDiff, Math.abs(ours[i][d] - theirs[d]));
            }
            assertThat(cos).as("cosine to langchain4j for: %s", TestTexts.SENTENCES.get(i))
                    .isGreaterThanOrEqualTo(0.999);
        }
        log.info("Agreement with langchain4j AllMiniLmL6V2EmbeddingModel: min cosine {}, max |diff| {}",
                worst, maxAbsDiff);
    }

    @Test
    void backendCandidateIsCloserToBackendJobThanToPastryChef() {
        float[][] v = encoder.embed(List.of(TestTexts.BACKEND_CANDIDATE, TestTexts.BACKEND_JOB, TestTexts.PASTRY_JOB));
        double toBackend = cosine(v[0], v[1]);
        double toPastry = cosine(v[0], v[2]);
        log.info("Backend candidate: cos to backend job {}, to pastry job {}", toBackend, toPastry);
        assertThat(toBackend).isGreaterThan(toPastry + 0.2);
    }

    @Test
    void longTextIsWindowedNotTruncated() {
        // Two topics so truncation would show: a truncated vector could only know the first half.
        String firstHalf = TestTexts.backendText(750);
        String secondHalf = TestTexts.dataScienceText(750);
        String longText = firstHalf + " " + secondHalf;
        assertThat(longText.split("\\s+").length).isGreaterThanOrEqualTo(1500);

        float[][] v = encoder.embed(List.of(longText, firstHalf, secondHalf, TestTexts.PASTRY_JOB,
                TestTexts.backendText(120)));
        float[] whole = v[0];
        float[] firstWindowOnly = v[4]; // roughly what silent truncation to the first window would give
        assertThat(norm(whole)).isCloseTo(1.0, within(1e-5));
        assertThat(cosine(whole, v[1])).isGreaterThan(cosine(whole, v[3]));
        assertThat(cosine(whole, v[2])).isGreaterThan(cosine(whole, v[3]));
        assertThat(cosine(whole, v[2])).isGreaterThan(cosine(firstWindowOnly, v[2]) + 0.1);
        log.info("Long text ({} words): cos to own first half {}, second half {}, pastry {}; "
                        + "first-window-only to second half {}", longText.split("\\s+").length,
                cosine(whole, v[1]), cosine(whole, v[2]), cosine(whole, v[3]), cosine(firstWindowOnly, v[2]));
    }

    @Test
    void batchingGivesTheSameVectorsAsOneAtATime() {
        List<String> texts = new ArrayList<>(TestTexts.SENTENCES);
        texts.add(TestTexts.backendText(400)); // a windowed text inside a batch too
        float[][] batched = encoder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] single = encoder.embed(List.of(texts.get(i)))[0];
            assertThat(cosine(batched[i], single)).as("text %d", i).isGreaterThan(0.9999);
        }
    }

    @Test
    void handlesEmptyInputsAndRejectsNull() {
        assertThat(encoder.embed(List.of())).isEmpty();
        float[][] v = encoder.embed(List.of("", "   ", "emoji 🚀 résumé naïve"));
        for (float[] row : v) {
            assertThat(norm(row)).isCloseTo(1.0, within(1e-5));
        }
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> encoder.embed(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordsOneForwardPassPerBatch() {
        double passesBefore = registry.get(InferenceMetrics.BATCH_SIZE).summary().count();
        double textsBefore = registry.get(InferenceMetrics.TEXTS).counter().count();
        encoder.embed(TestTexts.manySentences(70)); // batch size 32 -> 3 passes
        assertThat(registry.get(InferenceMetrics.BATCH_SIZE).summary().count() - passesBefore).isEqualTo(3);
        assertThat(registry.get(InferenceMetrics.TEXTS).tag("model", "all-minilm-l6-v2").counter().count()
                - textsBefore).isEqualTo(70);
        assertThat(registry.get(InferenceMetrics.LATENCY).tag("engine", "OnnxRuntime").timer().count())
                .isPositive();
    }

    @Test
    void measuresThroughput() {
        List<String> texts = TestTexts.manySentences(256);
        encoder.embed(texts.subList(0, 64)); // warm caches
        long t0 = System.nanoTime();
        encoder.embed(texts);
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.info("Throughput: {} sentences in {} s = {} sentences/s (fp32, batch 32, {} CPUs)",
                texts.size(), String.format("%.2f", seconds), String.format("%.0f", texts.size() / seconds),
                Runtime.getRuntime().availableProcessors());
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }
}
