package com.talentpipeline.results.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/** A task whose worker result the store refuses ends FAILED with a reason, never stays RUNNING. */
class UnstorableResultTest {

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedResultMarksTheTaskFailedWithTheReasonAndCountsIt() throws Exception {
        List<EventEnvelope<TaskEvent>> applied = new ArrayList<>();
        TaskStore store = mock(TaskStore.class);
        when(store.apply(any())).thenAnswer(call -> {
            EventEnvelope<TaskEvent> envelope = call.getArgument(0);
            applied.add(envelope);
            if (envelope.payload().state() == TaskState.SUCCEEDED) {
                return Mono.error(new DataIntegrityViolationException("unsupported Unicode escape sequence \u0000"));
            }
            return Mono.just(Instant.now());
        });
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(org.apache.kafka.clients.producer.ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(null));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TaskEventListener listener = new TaskEventListener(store,
                com.talentpipeline.core.kafka.consume.ConsumeKit.of(kafka, meters, "results-api"), meters, new TaskUpdates());

        UUID task = UUID.randomUUID();
        TaskEvent succeeded = TaskEvent.succeeded(TaskType.INTERVIEW_SCORE, null, null,
                JsonNodeFactory.instance.objectNode().put("quote", "A\u0000."), false);
        EventEnvelope<TaskEvent> envelope = EventEnvelope.of("task.succeeded", task, "tenant-a", "iv-1", "h", null,
                succeeded);
        listener.onEvents(List.of(new ConsumerRecord<>(Topics.TASK_EVENTS_NAME, 0, 7L, "iv-1",
                Topics.TASK_EVENTS.encode(envelope))));

        assertThat(applied).hasSize(2);
        TaskEvent failed = applied.get(1).payload();
        assertThat(applied.get(1).taskId()).isEqualTo(task);
        assertThat(failed.state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.error().code()).isEqualTo(ErrorCode.RESULT_NOT_STORED);
        assertThat(failed.error().message()).contains("SUCCEEDED").doesNotContain("\u0000");
        assertThat(meters.counter("pipeline.task.results.unstorable", "type", TaskType.INTERVIEW_SCORE.wireName())
                .count()).isEqualTo(1);
    }
}
