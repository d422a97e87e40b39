package com.talentpipeline.results.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.results.resume.ResumeVersions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

/** SUCCEEDED resume embeddings become door entries under the tenant and the submission's content hash. */
class DoorWriterTest {

    private final ResultCache cache = mock(ResultCache.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ResumeVersions versions = mock(ResumeVersions.class);
    private final DoorWriter writer = new DoorWriter(cache, versions, meters);
    private final ModelRef model = new ModelRef("all-minilm-l6-v2", "all-minilm-l6-v2@0123456789ab", 384);

    private EventEnvelope<TaskEvent> event(TaskEvent payload) {
        return EventEnvelope.of("task.events", UUID.randomUUID(), "tenant-a", "r-1", "hash-1", null, payload);
    }

    @Test
    void aSucceededResumeEmbeddingIsRecordedWithItsModelResultAndLinkTemplate() {
        when(cache.ttlOf("resume-embedding")).thenReturn(Duration.ofDays(90));
        when(cache.put(any(), anyString(), any())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any(), any())).thenReturn(Mono.just(true));
        var result = PipelineJson.mapper().readTree("{\"resumeId\":\"r-1\",\"version\":1}");

        writer.record(event(TaskEvent.succeeded(TaskType.RESUME_EMBEDDING, model, "/v1/resumes/r-1/embeddings",
                result, false))).block();

        CacheKey key = DoorEntries.embeddingKey("tenant-a", "hash-1");
        ArgumentCaptor<String> json = ArgumentCaptor.forClass(String.class);
        verify(cache).put(eq(key), json.capture(), eq(Duration.ofDays(90)));
        verify(cache).remember("r-1", key, Duration.ofDays(90));
        DoorEntries.Embedding entry = PipelineJson.mapper().readValue(json.getValue(), DoorEntries.Embedding.class);
        assertThat(entry.model()).isEqualTo(model);
        assertThat(entry.result()).isEqualTo(result);
        assertThat(entry.resultLink("r-2")).isEqualTo("/v1/resumes/r-2/embeddings");
        assertThat(meters.counter("pipeline.door.entries", "kind", DoorEntries.EMBEDDING_KIND, "outcome", "stored")
                .count()).isEqualTo(1);
    }

    @Test
    void runningFailedAndOtherTypesAreNotRecorded() {
        writer.record(event(TaskEvent.running(TaskType.RESUME_EMBEDDING))).block();
        writer.record(event(TaskEvent.failed(TaskType.RESUME_EMBEDDING, com.talentpipeline.core.task.ErrorCode.MODEL_FAILED,
                "boom"))).block();
        writer.record(event(TaskEvent.succeeded(TaskType.MATCH, model, "/v1/matches/x",
                PipelineJson.mapper().readTree("{}"), false))).block();
        // A score without its scorer version cannot be judged current: not recorded.
        writer.record(event(TaskEvent.succeeded(TaskType.RESUME_SCORE, model, "/v1/resumes/r-1/score",
                PipelineJson.mapper().readTree("{\"version\":1}"), false))).block();
        verify(cache, never()).put(any(), anyString(), any());
    }

    private EventEnvelope<TaskEvent> score(int version) {
        return event(TaskEvent.succeeded(TaskType.RESUME_SCORE, model, "/v1/resumes/r-1/score",
                PipelineJson.mapper().readTree("{\"version\":" + version + ",\"scorer_version\":\"scorer-3\"}"), false));
    }

    private double scores(String outcome) {
        return meters.counter("pipeline.door.entries", "kind", DoorEntries.SCORE_KIND, "outcome", outcome).count();
    }

    @Test
    void aScoreIsRecordedOnlyForAVersionKnownToHaveNoFile() {
        when(cache.ttlOf(DoorEntries.SCORE_TTL_KIND)).thenReturn(Duration.ofDays(7));
        when(cache.put(any(), anyString(), any())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any(), any())).thenReturn(Mono.just(true));
        when(versions.fromUpload("tenant-a", "r-1", 1)).thenReturn(Mono.just(false));
        when(versions.fromUpload("tenant-a", "r-1", 2)).thenReturn(Mono.just(true));
        // Version 3's resume.submitted is not projected yet: unknown is treated as a file, never as JSON.
        when(versions.fromUpload("tenant-a", "r-1", 3)).thenReturn(Mono.empty());

        writer.record(score(2)).block();
        writer.record(score(3)).block();
        verify(cache, never()).put(any(), anyString(), any());
        assertThat(scores("file")).isEqualTo(1);
        assertThat(scores("unknown")).isEqualTo(1);

        writer.record(score(1)).block();
        ArgumentCaptor<String> json = ArgumentCaptor.forClass(String.class);
        verify(cache).put(eq(DoorEntries.scoreKey("tenant-a", "hash-1")), json.capture(), eq(Duration.ofDays(7)));
        assertThat(PipelineJson.mapper().readValue(json.getValue(), DoorEntries.Score.class))
                .isEqualTo(new DoorEntries.Score("scorer-3"));
        assertThat(scores("stored")).isEqualTo(1);
    }

    @Test
    void withoutRedisNothingIsRecorded() {
        DoorWriter none = new DoorWriter((ResultCache) null, null, meters);
        none.record(event(TaskEvent.succeeded(TaskType.RESUME_EMBEDDING, model, "/v1/resumes/r-1/embeddings",
                PipelineJson.mapper().readTree("{}"), false))).block();
        verify(cache, never()).put(any(), anyString(), any());
    }
}
