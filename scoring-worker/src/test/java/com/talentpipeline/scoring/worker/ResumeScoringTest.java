package com.talentpipeline.scoring.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.skill.SkillVocabulary;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.EmbeddingException;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.scoring.career.CareerPredictor;
import com.talentpipeline.scoring.resume.AtsScorer;
import com.talentpipeline.scoring.resume.JobKeywords;
import com.talentpipeline.scoring.resume.ResumeScorer;
import com.talentpipeline.scoring.store.Documents;
import com.talentpipeline.scoring.store.ScoreStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/** The worker's failure paths with its collaborators mocked: a model failure dead-letters the record and fails its task; an older version is skipped. */
class ResumeScoringTest {

    TextEncoder encoder = mock(TextEncoder.class);
    ScoreStore store = mock(ScoreStore.class);
    Documents documents = mock(Documents.class);
    ResultCache cache = mock(ResultCache.class);
    @SuppressWarnings("unchecked")
    KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    ResumeScoring scoring;

    static final Resume RESUME = new Resume("Ada", "Lovelace", "ada@example.com", null, "Engineer", List.of(),
            List.of(new Resume.WorkExperience("Engineer", "Acme", "2019-01", "present", List.of("Built things"))), List.of(), List.of());

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        ModelInfo info = mock(ModelInfo.class);
        when(info.version()).thenReturn("minilm@test");
        when(info.name()).thenReturn("minilm");
        when(encoder.info()).thenReturn(info);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        when(documents.resume("tenant-a", "r1")).thenReturn(Mono.just(new Documents.StoredResume(1, RESUME)));
        when(cache.get(any())).thenReturn(Mono.empty());
        ResumeScorer scorer = new ResumeScorer(new AtsScorer(new JobKeywords(SkillVocabulary.defaults())),
                new CareerPredictor(encoder, CareerPredictor.Settings.defaults()), 5);
        var meters = new SimpleMeterRegistry();
        scoring = new ResumeScoring(scorer, store, documents, cache, kafka, meters,
                com.talentpipeline.core.kafka.consume.ConsumeKit.of(kafka, meters, "scoring-worker"),
                java.time.Duration.ofMillis(300));
    }

    static ConsumerRecord<String, byte[]> record(int version) {
        return record(version, "minilm@test");
    }

    /** A resume.embedded record whose profile vector came from the given model version. */
    static ConsumerRecord<String, byte[]> record(int version, String modelVersion) {
        var embedded = new ResumeEmbeddings("r1", version, new ModelRef("minilm", modelVersion, 3),
                java.util.Map.of("summary", new float[] {1, 0, 0}), java.util.Map.of("summary", 1),
                new ResumeEmbeddings.Metrics(7, 0, 1), RESUME, new float[] {0, 1, 0}, java.util.Map.of(), null);
        var envelope = EventEnvelope.of(Topics.RESUME_EMBEDDED_NAME, UUID.randomUUID(), "tenant-a", "r1", "h", null,
                embedded);
        return new ConsumerRecord<>(Topics.RESUME_EMBEDDED_NAME, 2, 40L, "r1", Topics.RESUME_EMBEDDED.encode(envelope));
    }

    /** An encoder answering every text with a fixed unit vector, recording what it was asked. */
    List<List<String>> encoded() {
        List<List<String>> calls = new ArrayList<>();
        when(encoder.embed(any())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            calls.add(List.copyOf(texts));
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new float[] {0, 1, 0};
            }
            return out;
        });
        when(store.latestVersion("tenant-a", "r1")).thenReturn(Mono.empty());
        when(store.save(any(), any(), anyInt(), any(), any(), any(), any(), any())).thenReturn(Mono.just(true));
        when(cache.put(any(), anyString())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any())).thenReturn(Mono.just(true));
        return calls;
    }

    @Test
    void theProfileVectorIsUsedAsPublishedAndTheResumeIsNeverEncodedHere() throws Exception {
        List<List<String>> calls = encoded();
        scoring.onBatch(List.of(record(1)));

        String profileText = com.talentpipeline.core.resume.ProfileText.of(RESUME);
        assertThat(calls).isNotEmpty().allSatisfy(texts -> assertThat(texts).doesNotContain(profileText)); // labels only
        var stored = org.mockito.ArgumentCaptor.forClass(ScoreStore.ProfileVector.class);
        verify(store).save(any(), any(), anyInt(), any(), any(), any(), any(), stored.capture());
        assertThat(stored.getValue().vector()).containsExactly(0, 1, 0);
        assertThat(stored.getValue().model()).isEqualTo("minilm@test");
        assertThat(sent.stream().map(ProducerRecord::topic)).contains(Topics.RESUME_SCORED_NAME);
    }

    @Test
    void aProfileVectorFromAnotherModelIsReEncodedNotComparedAcrossModels() throws Exception {
        List<List<String>> calls = encoded();
        scoring.onBatch(List.of(record(1, "older-model@1")));

        String profileText = com.talentpipeline.core.resume.ProfileText.of(RESUME);
        assertThat(calls).anySatisfy(texts -> assertThat(texts).containsExactly(profileText));
    }

    @Test
    void aModelFailureDeadLettersTheRecordAndFailsTheDeterministicTask() throws Exception {
        when(store.latestVersion("tenant-a", "r1")).thenReturn(Mono.empty());
        when(encoder.embed(any())).thenThrow(new EmbeddingException("inference failed", null));
        scoring.onBatch(List.of(record(1)));
        List<String> topics = sent.stream().map(ProducerRecord::topic).toList();
        assertThat(topics).containsExactly(Topics.TASK_EVENTS_NAME, Topics.RESUME_EMBEDDED.deadLetterTopic(),
                Topics.TASK_EVENTS_NAME);
        EventEnvelope<TaskEvent> failed = Topics.TASK_EVENTS.decode(sent.get(2).value());
        assertThat(failed.payload().state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.payload().error().code()).isEqualTo(ErrorCode.MODEL_FAILED);
        assertThat(failed.taskId()).isEqualTo(ResumeScoring.taskId("tenant-a", "r1", 1));
        assertThat(failed.tenantId()).isEqualTo("tenant-a");
        assertThat(sent.get(1).partition()).isEqualTo(2);
        verify(store, never()).save(any(), any(), anyInt(), any(), any(), any(), any(), any());
    }

    @Test
    void aVersionOlderThanTheStoredOneIsSkipped() throws Exception {
        when(store.latestVersion("tenant-a", "r1")).thenReturn(Mono.just(3));
        scoring.onBatch(List.of(record(2)));
        assertThat(sent).isEmpty();
    }

    @Test
    void anUnreadableRecordIsSkippedBecauseTheEmbeddingWorkerDeadLettersBadSubmissions() throws Exception {
        scoring.onBatch(List.of(new ConsumerRecord<>(Topics.RESUME_EMBEDDED_NAME, 0, 1L, "r1", "not json".getBytes())));
        assertThat(sent).isEmpty();
    }

    @Test
    void aVersionNotYetInTheProjectionFailsTheBatchSoTheKitRetriesIt() {
        encoded();
        when(documents.resume("tenant-a", "r1")).thenReturn(Mono.empty());
        when(documents.erased("tenant-a", "r1")).thenReturn(Mono.just(false));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoring.onBatch(List.of(record(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("projection");
        assertThat(sent).isEmpty(); // not even RUNNING: the retry scores it
        verify(store, never()).save(any(), any(), anyInt(), any(), any(), any(), any(), any());
    }

    @Test
    void anOlderProjectedVersionIsWaitedForLikeAMissingOne() {
        encoded();
        when(documents.erased("tenant-a", "r1")).thenReturn(Mono.just(false));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoring.onBatch(List.of(record(2))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anErasedResumeIsSkippedInsteadOfRetried() throws Exception {
        encoded();
        when(documents.resume("tenant-a", "r1")).thenReturn(Mono.empty());
        when(documents.erased("tenant-a", "r1")).thenReturn(Mono.just(true));

        scoring.onBatch(List.of(record(1)));

        assertThat(sent).isEmpty();
        verify(store, never()).save(any(), any(), anyInt(), any(), any(), any(), any(), any());
    }

    @Test
    void taskIdsAreDeterministicPerTenantResumeAndVersion() {
        assertThat(ResumeScoring.taskId("a", "r1", 1)).isEqualTo(ResumeScoring.taskId("a", "r1", 1))
                .isNotEqualTo(ResumeScoring.taskId("a", "r1", 2)).isNotEqualTo(ResumeScoring.taskId("b", "r1", 1));
    }
}
