package com.talentpipeline.core.kafka.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.config.PipelineProperties;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The one writer: what a dead letter carries, the task it fails, and the error handler writing the same. */
class DeadLettersTest {

    final KitFixtures kafka = new KitFixtures();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeadLetters deadLetters = new DeadLetters(kafka.kafka, meters, "scoring-worker");

    @Test
    void failingForGoodCopiesTheRecordAndFailsTheNamedTaskInItsTrace() {
        UUID task = UUID.randomUUID();
        var record = KitFixtures.image(9, task, "img-1");
        record.headers().add(Traceparent.HEADER, "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, "an earlier failure".getBytes(StandardCharsets.UTF_8));
        EventEnvelope<?> envelope = Topics.IMAGE_SUBMITTED.decode(record.value());

        DeadLetters.await(deadLetters.failForGood(record, new IllegalStateException("model\nfailed"),
                TaskFailure.of(envelope, TaskType.IMAGE_DETECTION, ErrorCode.MODEL_FAILED, "object discovery failed")));

        var letter = kafka.on("image.submitted.DLT").get(0);
        assertThat(letter.value()).isEqualTo(record.value());
        assertThat(KitFixtures.text(letter, Traceparent.HEADER)).isEqualTo("00-abc-def-01"); // original headers stay
        // One exception message: this failure's, without control characters; the earlier one is gone.
        assertThat(letter.headers().headers(DeadLetterHeaders.EXCEPTION_MESSAGE)).hasSize(1);
        assertThat(KitFixtures.text(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("model failed");
        assertThat(KitFixtures.text(letter, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(KitFixtures.text(letter, DeadLetterHeaders.TASK_ID)).isEqualTo(task.toString());
        assertThat(KitFixtures.text(letter, DeadLetterHeaders.SERVICE)).isEqualTo("scoring-worker");

        var failed = kafka.on(Topics.TASK_EVENTS_NAME).get(0);
        var event = Topics.TASK_EVENTS.decode(failed.value());
        assertThat(failed.key()).isEqualTo("img-1");
        assertThat(event.taskId()).isEqualTo(task);
        assertThat(event.tenantId()).isEqualTo("tenant-a");
        assertThat(event.payload().state()).isEqualTo(TaskState.FAILED);
        assertThat(event.payload().error().code()).isEqualTo(ErrorCode.MODEL_FAILED);
        assertThat(event.payload().error().message()).isEqualTo("object discovery failed");
        // The FAILED event continues the task's trace.
        assertThat(KitFixtures.text(failed, Traceparent.HEADER)).isEqualTo(envelope.traceparent());
    }

    @Test
    void theErrorHandlerDeadLettersANonRetryableFailureWithTheSameHeaderSet() {
        var handler = ConsumeAutoConfiguration.errorHandler(deadLetters,
                new PipelineProperties.Retry(Duration.ofMillis(1), 2.0, Duration.ofMillis(2)));
        UUID task = UUID.randomUUID();
        var record = KitFixtures.image(3, task, "img-3");
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);

        boolean recovered = handler.handleOne(new ListenerExecutionFailedException("listener failed",
                new ClassCastException("not a map")), record, KitFixtures.consumer(), container);

        assertThat(recovered).isTrue();
        var letter = kafka.on("image.submitted.DLT");
        assertThat(letter).singleElement().satisfies(r -> {
            assertThat(r.partition()).isEqualTo(2);
            assertThat(KitFixtures.text(r, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.ClassCastException");
            assertThat(KitFixtures.text(r, DeadLetterHeaders.TASK_ID)).isEqualTo(task.toString());
            assertThat(KitFixtures.text(r, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("3");
        });
        // Exactly the kit's header set: the same names the kit's writer produces, nothing of spring-kafka's own.
        DeadLetters.await(deadLetters.send(record, new IllegalStateException("x")));
        var written = kafka.on("image.submitted.DLT").get(1);
        assertThat(names(letter.get(0).headers().toArray())).isEqualTo(names(written.headers().toArray()));
        assertThat(letter.get(0).headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
        assertThat(meters.get("pipeline.dlt.messages").tag("topic", "image.submitted").counter().count()).isEqualTo(2);
    }

    @Test
    void theErrorHandlerRetriesAnInfrastructureFailureInsteadOfDeadLettering() {
        var handler = ConsumeAutoConfiguration.errorHandler(deadLetters,
                new PipelineProperties.Retry(Duration.ofMillis(1), 2.0, Duration.ofMillis(2)));
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.isRunning()).thenReturn(true);
        var record = KitFixtures.image(4, UUID.randomUUID(), "img-4");
        for (int attempt = 0; attempt < 20; attempt++) {
            boolean recovered = handler.handleOne(new ListenerExecutionFailedException("db down",
                    new org.springframework.dao.DataAccessResourceFailureException("connection refused")), record,
                    KitFixtures.consumer(), container);
            assertThat(recovered).isFalse();
        }
        assertThat(kafka.sent).isEmpty();
    }

    @Test
    void onlyTheKitsHeadersAreDeadLetterHeaders() {
        assertThat(DeadLetterHeaders.isDeadLetterHeader(DeadLetterHeaders.ORIGINAL_TOPIC)).isTrue();
        assertThat(DeadLetterHeaders.isDeadLetterHeader(DeadLetterHeaders.TENANT)).isTrue();
        assertThat(DeadLetterHeaders.isDeadLetterHeader(Traceparent.HEADER)).isFalse();
        assertThat(DeadLetterHeaders.ORIGINAL_TOPIC).isEqualTo("kafka_dlt-original-topic");
    }

    private static java.util.List<String> names(Header[] headers) {
        return Arrays.stream(headers).map(Header::key).sorted().toList();
    }
}
