package com.talentpipeline.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.chunk.ResumeChunks;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PackedVectorTest {

    private static final ModelRef MODEL = new ModelRef("m", "m@1", 3);

    @Test
    void roundTripsBitForBitIncludingAwkwardValues() {
        float[] v = {0.1f, -0.0f, Float.MIN_VALUE, 1e-38f, -3.4028235e38f, 0.33333334f, Float.NaN};
        float[] back = PackedVector.decode(PackedVector.encode(v));
        assertThat(back).hasSize(v.length);
        for (int i = 0; i < v.length; i++) {
            assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(v[i]));
        }
        assertThat(PackedVector.encode(new float[384])).hasSize(2048);
    }

    @Test
    void refusesATextThatIsNotWholeFloats() {
        assertThatThrownBy(() -> PackedVector.decode("AAAAAAA=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resumeEmbeddedCarriesPackedVectorsAndTheTaskResultLeavesThemOut() {
        Resume resume = new Resume(null, null, null, null, "Backend engineer.", List.of(new Resume.Skill("Java", null)),
                List.of(), List.of(), List.of());
        var chunks = new ResumeChunks("Summary\nBackend engineer.", List.of(new Chunk("summary-1", "summary",
                "Backend engineer.", 8, 25, "Summary: Backend engineer.")), List.of(new float[] {0.6f, 0.8f, 0f}));
        var payload = new ResumeEmbeddings("r1", 2, MODEL, Map.of("summary", new float[] {1f, 0f, 0f}),
                Map.of("summary", 1), new ResumeEmbeddings.Metrics(0, 1, 0), resume, new float[] {0f, 1f, 0f},
                Map.of("java", new float[] {0f, 0f, 1f}), chunks);
        var envelope = EventEnvelope.of(Topics.RESUME_EMBEDDED_NAME, UUID.randomUUID(), "t1", "r1", "h", null, payload);

        byte[] bytes = Topics.RESUME_EMBEDDED.encode(envelope);
        JsonNode json = PipelineJson.mapper().readTree(bytes).get("payload");
        assertThat(json.get("profile").isString()).isTrue();
        assertThat(json.get("skillVectors").get("java").isString()).isTrue();
        assertThat(json.get("chunks").get("vectors").get(0).isString()).isTrue();
        assertThat(json.get("meanEmbeddings").get("summary").isArray()).isTrue();

        ResumeEmbeddings back = Topics.RESUME_EMBEDDED.decode(bytes).payload();
        assertThat(back.profile()).containsExactly(0f, 1f, 0f);
        assertThat(back.skillVectors().get("java")).containsExactly(0f, 0f, 1f);
        assertThat(back.chunks().vectors().get(0)).containsExactly(0.6f, 0.8f, 0f);
        assertThat(back.chunks().chunks().get(0).context()).isEqualTo("Summary: Backend engineer.");
        assertThat(back.resume().skills()).extracting(Resume.Skill::name).containsExactly("Java");

        JsonNode result = PipelineJson.mapper().valueToTree(payload.taskResult());
        assertThat(result.has("resume")).isFalse();
        assertThat(result.has("profile")).isFalse();
        assertThat(result.has("skillVectors")).isFalse();
        assertThat(result.has("chunks")).isFalse();
        assertThat(result.get("meanEmbeddings").get("summary").get(0).asDouble()).isEqualTo(1.0);
    }

    @Test
    void jobEmbeddedStillReadsPlainNumberArrays() {
        String json = """
                {"jobId":"j1","version":1,"model":{"name":"m","version":"m@1","dimension":2},
                 "meanEmbeddings":{"jobTitle":[0.5,0.5]},"itemCounts":{"jobTitle":1},"facts":null,
                 "skillVectors":{"kafka":[0.25,-1.0]}}""";
        JobEmbeddings job = PipelineJson.mapper().readValue(json, JobEmbeddings.class);
        assertThat(job.skillVectors().get("kafka")).containsExactly(0.25f, -1.0f);
        assertThat(PipelineJson.mapper().valueToTree(job.taskResult()).has("skillVectors")).isFalse();
    }
}
