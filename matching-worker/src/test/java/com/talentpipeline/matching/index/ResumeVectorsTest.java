package com.talentpipeline.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The resume vectors' tenant-scoped top-k: exact against a brute-force sort, versions, removal. */
class ResumeVectorsTest {

    private static final int DIM = 16;

    private static float[] random(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Vectors.normaliseInPlace(v);
    }

    private static void put(ResumeVectors vectors, String tenant, String id, int version, float[] skills) {
        vectors.put(EventEnvelope.of("resume.embedded", null, tenant, id, "h", null, new ResumeEmbeddings(id, version,
                new ModelRef("m", "v", DIM), Map.of("skills", skills, "workExperience", skills), Map.of(), null)));
    }

    @Test
    void topKIsExactAndScopedToTheTenant() {
        Random r = new Random(7);
        ResumeVectors vectors = new ResumeVectors();
        for (int i = 0; i < 500; i++) {
            put(vectors, i % 3 == 0 ? "globex" : "acme", "r" + i, 1, random(r));
        }
        float[] query = random(r);
        List<ResumeVectors.Hit> top = vectors.topK("acme", query, 25);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            if (i % 3 != 0) {
                expected.add("r" + i);
            }
        }
        expected.sort(Comparator.comparingDouble((String id) -> -Vectors.dot(query, vectors.get("acme", id).searchVector())));
        assertThat(top).extracting(h -> h.entry().embeddings().resumeId()).containsExactlyElementsOf(expected.subList(0, 25));
        assertThat(top).allSatisfy(h -> assertThat(h.entry().tenantId()).isEqualTo("acme"));
        assertThat(vectors.size("acme")).isEqualTo(expected.size());
        assertThat(vectors.topK("nobody", query, 5)).isEmpty();
    }

    @Test
    void theLatestVersionReplacesOlderOnesAndRemovalsLeaveTheTenantsList() {
        Random r = new Random(3);
        ResumeVectors vectors = new ResumeVectors();
        float[] v1 = random(r);
        float[] v2 = random(r);
        put(vectors, "acme", "ada", 2, v2);
        put(vectors, "acme", "ada", 1, v1); // a late older version loses
        assertThat(vectors.topK("acme", v2, 10)).singleElement()
                .satisfies(h -> assertThat(h.entry().embeddings().version()).isEqualTo(2));
        put(vectors, "acme", "ada", 3, v1);
        assertThat(vectors.topK("acme", v1, 10)).singleElement()
                .satisfies(h -> assertThat(h.score()).isGreaterThan(0.99f));
        vectors.apply(List.of(new ConsumerRecord<>("resume.embedded", 0, 1L, "ada", null)));
        assertThat(vectors.topK("acme", v1, 10)).isEmpty();
        assertThat(vectors.size("acme")).isZero();
        put(vectors, "acme", "bob", 1, v1);
        vectors.remove("bob");
        assertThat(vectors.topK("acme", v1, 10)).isEmpty();
    }
}
