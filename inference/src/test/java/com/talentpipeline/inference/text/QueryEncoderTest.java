package com.talentpipeline.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.inference.model.ModelInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Query-time texts: cached by text, concurrent misses share a forward pass, failures reach every caller. */
class QueryEncoderTest {

    /** Encodes a text as {length, 1}; the first call blocks until released, so callers pile up meanwhile. */
    static final class SlowEncoder implements TextEncoder {
        final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean fail;

        @Override
        public ModelInfo info() {
            return new ModelInfo("t", "t@1", 2, "test", "cpu", "1", 0, "test");
        }

        @Override
        public float[][] embed(List<String> texts) {
            throw new AssertionError("queries go through embedQueries");
        }

        @Override
        public float[][] embedQueries(List<String> texts) {
            calls.add(List.copyOf(texts));
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fail) {
                throw new EmbeddingException("model down", null);
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {texts.get(i).length(), 1};
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void concurrentMissesShareForwardPassesAndRepeatsComeFromTheCache() throws Exception {
        SlowEncoder model = new SlowEncoder();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (QueryEncoder queries = new QueryEncoder(model, 100, 32, meters)) {
            ExecutorService callers = Executors.newFixedThreadPool(9);
            List<Future<float[]>> answers = new ArrayList<>();
            answers.add(callers.submit(() -> queries.encode("first")));
            while (model.calls.isEmpty()) {
                Thread.sleep(5);
            }
            for (int i = 0; i < 8; i++) {
                String q = "question " + (i % 4); // four distinct, each asked twice
                answers.add(callers.submit(() -> queries.encode(q)));
            }
            Thread.sleep(200); // the eight wait behind the first pass
            model.release.countDown();
            for (Future<float[]> answer : answers) {
                assertThat(answer.get()[1]).isEqualTo(1f);
            }
            callers.shutdown();

            assertThat(model.calls).hasSize(2);
            assertThat(model.calls.get(1)).containsExactlyInAnyOrder("question 0", "question 1", "question 2", "question 3");
            assertThat(queries.encode("question 2")).containsExactly(10f, 1f);
            assertThat(model.calls).hasSize(2);
            assertThat(meters.counter("inference.query.cache.requests", "result", "hit").count()).isEqualTo(1);
            assertThat(meters.counter("inference.query.cache.requests", "result", "miss").count()).isEqualTo(9);
        }
    }

    @Test
    void aModelFailureReachesTheCallerAndIsNotCached() {
        SlowEncoder model = new SlowEncoder();
        model.release.countDown();
        model.fail = true;
        try (QueryEncoder queries = new QueryEncoder(model, 100, 32, null)) {
            assertThatThrownBy(() -> queries.encode("q")).isInstanceOf(EmbeddingException.class);
            model.fail = false;
            assertThat(queries.encode("q")).containsExactly(1f, 1f);
        }
    }
}
