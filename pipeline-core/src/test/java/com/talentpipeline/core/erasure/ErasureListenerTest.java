package com.talentpipeline.core.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The kit's listener: on a "deleted" event each participant erases its own data and its report goes to
 * the erasure task on {@code task.events}; a repeated event reports zeros; anything else is left alone.
 */
class ErasureListenerTest {

    /** A participant holding resume ids in memory, like the matching worker's index. */
    static final class Held implements ErasureParticipant {
        final Set<String> ids = new HashSet<>(Set.of("r1", "r2"));

        @Override
        public String name() {
            return "held";
        }

        @Override
        public Mono<Map<String, Long>> erase(ErasedResume resume) {
            return Mono.fromSupplier(() -> Map.of("index_entries", ids.remove(resume.resumeId()) ? 1L : 0L));
        }
    }

    record Sent(UUID taskId, String tenantId, ErasureReport report) {
    }

    /** Records what would be published. */
    static final class Recorder extends ErasureReporter {
        final List<Sent> sent = new ArrayList<>();

        Recorder() {
            super(null, Duration.ofSeconds(1));
        }

        @Override
        public Mono<Void> report(UUID taskId, String tenantId, ErasureReport report) {
            return Mono.fromRunnable(() -> sent.add(new Sent(taskId, tenantId, report)));
        }
    }

    @SuppressWarnings("unchecked")
    private static com.talentpipeline.core.kafka.consume.ConsumeKit kit() {
        org.springframework.kafka.core.KafkaOperations<String, byte[]> kafka =
                org.mockito.Mockito.mock(org.springframework.kafka.core.KafkaOperations.class);
        return com.talentpipeline.core.kafka.consume.ConsumeKit.of(kafka,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "test");
    }

    @Test
    void aDeletedEventErasesAndReportsAndARepeatReportsZero() throws Exception {
        Held held = new Held();
        Recorder reporter = new Recorder();
        var listener = new ErasureListener(List.of(held), reporter, Duration.ofSeconds(5), kit());
        UUID task = UUID.randomUUID();
        var deleted = record(task, new ResumeUpdated("r1", 3, ResumeUpdated.DELETED, null));

        listener.onUpdates(List.of(
                record(task, new ResumeUpdated("r2", 2, "json")),
                new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 1, "x", "not json".getBytes()),
                new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 2, "x", null),
                deleted));
        assertThat(held.ids).containsExactly("r2");
        assertThat(reporter.sent).containsExactly(
                new Sent(task, "t1", new ErasureReport("held", "r1", Map.of("index_entries", 1L))));

        listener.onUpdates(List.of(deleted));
        assertThat(reporter.sent).hasSize(2);
        assertThat(reporter.sent.get(1).report().counts()).containsEntry("index_entries", 0L);
    }

    @Test
    void aParticipantThatFailsFailsTheBatchSoItIsRetried() throws Exception {
        ErasureParticipant down = new ErasureParticipant() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public Mono<Map<String, Long>> erase(ErasedResume resume) {
                return Mono.error(new IllegalStateException("database unavailable"));
            }
        };
        Recorder reporter = new Recorder();
        var listener = new ErasureListener(List.of(down), reporter, Duration.ofSeconds(5), kit());
        assertThatThrownBy(() -> listener.onUpdates(List.of(record(UUID.randomUUID(),
                new ResumeUpdated("r1", 1, ResumeUpdated.DELETED, null))))).hasMessageContaining("database unavailable");
        assertThat(reporter.sent).isEmpty();
    }

    @Test
    void aReportTravelsAsAnErasureTaskEventAndOnlySuchEventsAreReports() {
        var report = new ErasureReport("rag", "r1", Map.of("rag_documents", 1L, "rag_chunks", 12L));
        var envelope = EventEnvelope.of(Topics.TASK_EVENTS_NAME, UUID.randomUUID(), "t1", "r1", null, null,
                report.toTaskEvent());
        TaskEvent decoded = Topics.TASK_EVENTS.decode(Topics.TASK_EVENTS.encode(envelope)).payload();
        assertThat(ErasureReport.from(decoded)).contains(report);
        assertThat(decoded.result().get("counts").propertyNames()).containsExactly("rag_chunks", "rag_documents");
        assertThat(ErasureReport.from(TaskEvent.running(TaskType.ERASURE))).isEmpty();
        assertThat(ErasureReport.from(TaskEvent.running(TaskType.RESUME_SCORE))).isEmpty();
        assertThat(decoded.state()).isEqualTo(TaskState.RUNNING);
    }

    private static ConsumerRecord<String, byte[]> record(UUID task, ResumeUpdated payload) {
        var envelope = EventEnvelope.of(Topics.RESUME_UPDATED_NAME, task, "t1", payload.resumeId(), "h", null, payload);
        return new ConsumerRecord<>(Topics.RESUME_UPDATED_NAME, 0, 3, payload.resumeId(),
                Topics.RESUME_UPDATED.encode(envelope));
    }
}
