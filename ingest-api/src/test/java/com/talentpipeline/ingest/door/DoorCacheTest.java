package com.talentpipeline.ingest.door;

import static com.talentpipeline.ingest.door.DoorFixtures.MODEL;
import static com.talentpipeline.ingest.door.DoorFixtures.SCORER;
import static com.talentpipeline.ingest.door.DoorFixtures.T0;
import static com.talentpipeline.ingest.door.DoorFixtures.embedding;
import static com.talentpipeline.ingest.door.DoorFixtures.embeddingEntry;
import static com.talentpipeline.ingest.door.DoorFixtures.scoring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.json.PipelineJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ReactiveValueOperations;
import reactor.core.publisher.Mono;

/** The door look-up: one MGET, judged by the live versions; a failing or slow Redis is only no hit. */
class DoorCacheTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WorkerVersions versions = new WorkerVersions(Duration.ofSeconds(60));
    @SuppressWarnings("unchecked")
    private final ReactiveValueOperations<String, String> values = mock(ReactiveValueOperations.class);
    private DoorCache door;

    @BeforeEach
    void setUp() {
        ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);
        when(redis.opsForValue()).thenReturn(values);
        door = new DoorCache(redis, null, versions, new DoorProperties(true, Duration.ofMillis(50), Duration.ofSeconds(60)),
                meters, Clock.fixed(T0, ZoneOffset.UTC));
        versions.apply("embedding-worker/a", embedding("a", MODEL, T0));
        versions.apply("scoring-worker/a", scoring("a", SCORER, T0));
    }

    private void stored(String embeddingJson, String scoreJson) {
        when(values.multiGet(any())).thenReturn(Mono.just(Arrays.asList(embeddingJson, scoreJson)));
    }

    private double count(String outcome) {
        return meters.counter("ingest.door.cache.requests", "outcome", outcome).count();
    }

    @Test
    void bothEntriesCurrentAnswerWithTheEmbeddingInOneRoundTrip() {
        stored(PipelineJson.mapper().writeValueAsString(embeddingEntry(MODEL)),
                PipelineJson.mapper().writeValueAsString(new DoorEntries.Score(SCORER)));

        Optional<DoorEntries.Embedding> hit = door.lookup("tenant-a", "h1").block();

        assertThat(hit).isPresent();
        assertThat(hit.get().model().version()).isEqualTo(MODEL);
        verify(values).multiGet(List.of(DoorEntries.embeddingKey("tenant-a", "h1").redisKey(),
                DoorEntries.scoreKey("tenant-a", "h1").redisKey()));
        assertThat(count("hit")).isEqualTo(1);
    }

    @Test
    void theTenantIsPartOfTheKey() {
        assertThat(DoorEntries.embeddingKey("tenant-a", "h1").redisKey())
                .isNotEqualTo(DoorEntries.embeddingKey("tenant-b", "h1").redisKey());
    }

    @Test
    void aMissingScoreIsAMissAndAnOldModelIsStale() {
        stored(PipelineJson.mapper().writeValueAsString(embeddingEntry(MODEL)), null);
        assertThat(door.lookup("tenant-a", "h1").block()).isEmpty();
        assertThat(count("miss")).isEqualTo(1);

        stored(PipelineJson.mapper().writeValueAsString(embeddingEntry("all-minilm-l6-v2@ffffffffffff")),
                PipelineJson.mapper().writeValueAsString(new DoorEntries.Score(SCORER)));
        assertThat(door.lookup("tenant-a", "h1").block()).isEmpty();
        assertThat(count("stale")).isEqualTo(1);
    }

    @Test
    void anUnreadableEntryIsUnknown() {
        stored("{not json", PipelineJson.mapper().writeValueAsString(new DoorEntries.Score(SCORER)));
        assertThat(door.lookup("tenant-a", "h1").block()).isEmpty();
        assertThat(count("miss")).isEqualTo(1);
    }

    @Test
    void aSlowRedisIsAnErrorAfterTheTimeoutNotAWait() {
        when(values.multiGet(any())).thenReturn(Mono.never());
        long t0 = System.nanoTime();
        assertThat(door.lookup("tenant-a", "h1").block(Duration.ofSeconds(5))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(count("error")).isEqualTo(1);
    }

    @Test
    void aFailingRedisIsAnError() {
        when(values.multiGet(any())).thenReturn(Mono.error(new IllegalStateException("connection refused")));
        assertThat(door.lookup("tenant-a", "h1").block()).isEmpty();
        assertThat(count("error")).isEqualTo(1);
    }

    @Test
    void withoutAgreedWorkerVersionsRedisIsNotAskedAtAll() {
        versions.apply("scoring-worker/a", null);
        assertThat(door.lookup("tenant-a", "h1").block()).isEmpty();
        verify(values, never()).multiGet(any());
        assertThat(count("stale")).isEqualTo(1);
    }

    @Test
    void switchedOffTheDoorAnswersNothing() {
        ReactiveStringRedisTemplate redis = mock(ReactiveStringRedisTemplate.class);
        DoorCache off = new DoorCache(redis, null, versions, new DoorProperties(false, Duration.ofMillis(50),
                Duration.ofSeconds(60)), meters, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(off.lookup("tenant-a", "h1").block()).isEmpty();
        verify(redis, never()).opsForValue();
    }
}
