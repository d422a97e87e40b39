package com.talentpipeline.embedding.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
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

/** The batch processor alone: the model, cache and Kafka are test doubles. */
class EmbeddingBatchProcessorTest {

    /** Records each call; fails on any text containing POISON. */
    static final class RecordingEncoder implements TextEncoder {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public ModelInfo info() {
            return new ModelInfo("test-model", "test-model@0001", 3, "test", "cpu", "0001", 0, "test");
        }

        @Override
        public float[][] embed(List<String> texts) {
            calls.add(List.copyOf(texts));
            if (texts.stream().anyMatch(t -> t.contains("POISON"))) {
                throw new IllegalStateException("model failure");
            }
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                out[i] = new float[] {texts.get(i).length(), 1, 0};
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    static final ResumeKind RESUMES = new ResumeKind(com.talentpipeline.embedding.config.EmbeddingProperties.defaults());

    RecordingEncoder encoder;
    ResultCache cache;
    List<ProducerRecord<String, byte[]>> sent;
    EmbeddingBatchProcessor processor;
    ConsumeKit kit;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        encoder = new RecordingEncoder();
        cache = mock(ResultCache.class);
        when(cache.get(any())).thenReturn(Mono.empty());
        when(cache.put(any(), anyString())).thenReturn(Mono.just(true));
        when(cache.remember(anyString(), any())).thenReturn(Mono.just(true));
        when(cache.evictSubject(anyString(), anyString())).thenReturn(Mono.just(0L));
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        sent = new ArrayList<>();
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        var meters = new SimpleMeterRegistry();
        kit = ConsumeKit.of(kafka, meters, "embedding-worker");
        processor = new EmbeddingBatchProcessor(encoder, cache, new EventPublisher(kafka, kit.deadLetters()), meters);
    }

    /** Through the consume kit's listener, as the worker's {@code @KafkaListener} does. */
    void process(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        processor.listener(kit, RESUMES).onBatch(records);
    }

    static ConsumerRecord<String, byte[]> record(String skill, long offset) {
        String id = UUID.randomUUID().toString();
        var resume = new Resume("A", "B", "a@b.example", null, null, List.of(new Resume.Skill(skill, null)),
                List.of(new Resume.WorkExperience("Engineer", "Acme", "2020-01", "present", List.of("Built " + skill))),
                List.of(), List.of());
        var envelope = EventEnvelope.of(Topics.RESUME_SUBMITTED_NAME, UUID.randomUUID(), "default", id, "h", null,
                new ResumeSubmitted(id, 1, resume));
        return new ConsumerRecord<>(Topics.RESUME_SUBMITTED_NAME, 0, offset, id, Topics.RESUME_SUBMITTED.encode(envelope));
    }

    List<TaskEvent> taskEvents(TaskState state) {
        return sent.stream().filter(r -> r.topic().equals(Topics.TASK_EVENTS_NAME))
                .map(r -> Topics.TASK_EVENTS.decode(r.value()).payload())
                .filter(e -> e.state() == state).toList();
    }

    List<ProducerRecord<String, byte[]>> on(String topic) {
        return sent.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Test
    void allCacheMissesOfABatchGoThroughTheModelInOneCallEachDistinctTextOnce() throws Exception {
        var garbage = new ConsumerRecord<>(Topics.RESUME_SUBMITTED_NAME, 0, 3L, "k", "{oops".getBytes());
        ConsumerRecord<String, byte[]> java = record("Java", 1);
        process(List.of(java, record("Kafka", 2), garbage));

        assertThat(encoder.calls).hasSize(1);
        List<String> texts = encoder.calls.get(0);
        assertThat(texts).doesNotHaveDuplicates();
        var resume = Topics.RESUME_SUBMITTED.decode(java.value()).payload().resume();
        // Sections, skills (the skills-section item is the skill vector's text too), profile and chunks.
        assertThat(texts).contains("Java", "Engineer at Acme. Built Java", "Kafka", "Engineer at Acme. Built Kafka",
                com.talentpipeline.core.resume.ProfileText.of(resume));
        assertThat(texts).containsAll(RESUMES.plan(Topics.RESUME_SUBMITTED.decode(java.value()).payload()).chunks()
                .chunks().stream().map(com.talentpipeline.core.chunk.Chunk::context).toList());
        assertThat(taskEvents(TaskState.RUNNING)).hasSize(2);
        assertThat(taskEvents(TaskState.SUCCEEDED)).hasSize(2).allSatisfy(e -> {
            assertThat(e.cacheHit()).isFalse();
            // The task's result is the section view; the per-item vectors travel only on the topic.
            assertThat(e.result().has("meanEmbeddings")).isTrue();
            assertThat(e.result().has("chunks")).isFalse();
            assertThat(e.result().has("profile")).isFalse();
        });
        assertThat(on(Topics.RESUME_EMBEDDED_NAME)).hasSize(2).allSatisfy(r -> {
            var envelope = Topics.RESUME_EMBEDDED.decode(r.value());
            var p = envelope.payload();
            assertThat(envelope.contentHash()).isEqualTo("h"); // the submission's hash, not the cache key's
            assertThat(p.profile()).isNotNull();
            assertThat(p.skillVectors()).hasSize(1);
            assertThat(p.chunks().chunks()).isNotEmpty().hasSameSizeAs(p.chunks().vectors());
            assertThat(p.resume().skills()).hasSize(1);
        });
        assertThat(on("resume.submitted.DLT")).hasSize(1);
        // Each embedded resume's key is indexed under its id, for erasure of every version.
        org.mockito.Mockito.verify(cache, org.mockito.Mockito.times(2)).remember(anyString(), any());
    }

    @Test
    void anUnreadableSubmissionNamingItsTaskIsDeadLetteredAndItsTaskFailsAsMalformed() throws Exception {
        UUID task = UUID.randomUUID();
        byte[] poison = ("{\"taskId\":\"" + task + "\",\"tenantId\":\"tenant-x\",\"payload\":{\"resumeId\":[1]}}")
                .getBytes();
        process(List.of(new ConsumerRecord<>(Topics.RESUME_SUBMITTED_NAME, 1, 9L, "r-9", poison), record("Java", 10)));

        assertThat(taskEvents(TaskState.SUCCEEDED)).hasSize(1);
        assertThat(on("resume.submitted.DLT")).singleElement().satisfies(r -> {
            assertThat(r.partition()).isEqualTo(1);
            assertThat(new String(r.headers().lastHeader("kafka_dlt-task-id").value())).isEqualTo(task.toString());
        });
        var failed = sent.stream().filter(r -> r.topic().equals(Topics.TASK_EVENTS_NAME))
                .map(r -> Topics.TASK_EVENTS.decode(r.value()))
                .filter(e -> e.payload().state() == TaskState.FAILED).toList();
        assertThat(failed).singleElement().satisfies(e -> {
            assertThat(e.taskId()).isEqualTo(task);
            assertThat(e.tenantId()).isEqualTo("tenant-x");
            assertThat(e.subjectId()).isEqualTo("r-9");
            assertThat(e.payload().type()).isEqualTo(com.talentpipeline.core.task.TaskType.RESUME_EMBEDDING);
            assertThat(e.payload().error().code()).isEqualTo(ErrorCode.MALFORMED_EVENT);
        });
    }

    @Test
    void aDocumentTheModelFailsOnIsDeadLetteredAloneAndItsTaskFails() throws Exception {
        process(List.of(record("Java", 1), record("POISON", 2)));

        assertThat(encoder.calls).hasSize(3); // the batch, then each document alone
        assertThat(taskEvents(TaskState.SUCCEEDED)).hasSize(1);
        assertThat(taskEvents(TaskState.FAILED)).singleElement()
                .satisfies(e -> assertThat(e.error().code()).isEqualTo(ErrorCode.MODEL_FAILED));
        assertThat(on("resume.submitted.DLT")).singleElement()
                .satisfies(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull());
    }

    @Test
    void aCacheHitSkipsTheModelAndPublishesTheSameVectors() throws Exception {
        ConsumerRecord<String, byte[]> java = record("Java", 1);
        org.mockito.ArgumentCaptor<String> stored = org.mockito.ArgumentCaptor.forClass(String.class);
        process(List.of(java));
        org.mockito.Mockito.verify(cache).put(any(), stored.capture());
        var first = Topics.RESUME_EMBEDDED.decode(on(Topics.RESUME_EMBEDDED_NAME).get(0).value()).payload();

        when(cache.get(any())).thenReturn(Mono.just(stored.getValue()));
        sent.clear();
        process(List.of(java));

        assertThat(encoder.calls).hasSize(1); // only the first run
        assertThat(taskEvents(TaskState.SUCCEEDED)).singleElement().satisfies(e -> assertThat(e.cacheHit()).isTrue());
        var second = Topics.RESUME_EMBEDDED.decode(on(Topics.RESUME_EMBEDDED_NAME).get(0).value()).payload();
        assertThat(second.profile()).containsExactly(first.profile());
        assertThat(second.chunks().vectors()).hasSameSizeAs(first.chunks().vectors());
        assertThat(second.skillVectors().get("java")).containsExactly(first.skillVectors().get("java"));
    }

    @Test
    void anEntryWithoutTheVectorsDownstreamNeedsIsAMiss() throws Exception {
        // The layout before chunks, profile and skill vectors were published: section means only.
        when(cache.get(any())).thenReturn(Mono.just(
                "{\"means\":{\"skills\":[1,0,0],\"workExperience\":[0,1,0]},\"counts\":{\"skills\":1,\"workExperience\":1}}"));
        process(List.of(record("Java", 1)));

        assertThat(encoder.calls).hasSize(1);
        assertThat(taskEvents(TaskState.SUCCEEDED)).singleElement().satisfies(e -> assertThat(e.cacheHit()).isFalse());
    }
}
