package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.topic.Topic;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.core.trace.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The one dead-letter writer: copies a record unchanged (key, value, headers, partition) to
 * {@code <topic>.DLT} with the {@link DeadLetterHeaders} set, counts {@code pipeline_dlt_messages_total{topic}},
 * and, for a record that failed for good, publishes its task's FAILED event so the task ends with a reason.
 * The sends are asynchronous: a batch listener collects them and waits before its offsets are committed.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaOperations<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final String service;
    private final Clock clock;

    /**
     * @param kafka   the service's producer (idempotent, {@code acks=all})
     * @param meters  where {@code pipeline.dlt.messages} is counted
     * @param service the service name written in {@link DeadLetterHeaders#SERVICE}
     */
    public DeadLetters(KafkaOperations<String, byte[]> kafka, MeterRegistry meters, String service) {
        this(kafka, meters, service, Clock.systemUTC());
    }

    DeadLetters(KafkaOperations<String, byte[]> kafka, MeterRegistry meters, String service, Clock clock) {
        this.kafka = kafka;
        this.meters = meters;
        this.service = service;
        this.clock = clock;
    }

    /** Copies the record to its topic's DLT; the future completes when Kafka acknowledged it. */
    public CompletableFuture<?> send(ConsumerRecord<String, byte[]> record, Throwable cause) {
        log.warn("{}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                DeadLetterHeaders.message(DeadLetterHeaders.unwrap(cause)));
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(deadLetterTopic(record.topic()), record.partition(),
                record.key(), record.value(), record.headers());
        // The original headers (traceparent, replay marks) stay; an earlier failure's dead-letter headers do not.
        for (var header : record.headers().toArray()) {
            if (DeadLetterHeaders.isDeadLetterHeader(header.key())) {
                letter.headers().remove(header.key());
            }
        }
        DeadLetterHeaders.of(record, cause, service, clock.instant()).forEach(letter.headers()::add);
        CompletableFuture<?> sent = kafka.send(letter);
        counted(record.topic());
        return sent;
    }

    /** {@link #send} and {@link #failTask} together: the record is dead-lettered and its task FAILED. */
    public CompletableFuture<Void> failForGood(ConsumerRecord<String, byte[]> record, Throwable cause,
            TaskFailure failure) {
        return CompletableFuture.allOf(send(record, cause), failTask(failure));
    }

    /** Publishes a task's FAILED event on {@code task.events}; the future completes when Kafka acknowledged it. */
    public CompletableFuture<?> failTask(TaskFailure failure) {
        EventEnvelope<TaskEvent> envelope = failure.envelope(Topics.TASK_EVENTS_NAME);
        return kafka.send(Traceparent.attach(new ProducerRecord<>(Topics.TASK_EVENTS.name(), failure.subjectId(),
                Topics.TASK_EVENTS.encode(envelope)), failure.traceparent()));
    }

    /** {@link #send} and wait for Kafka's acknowledgement (single-record listeners). */
    public void sendAndWait(ConsumerRecord<String, byte[]> record, Throwable cause) {
        await(send(record, cause));
    }

    /** Waits for sends of this writer; throws so that the batch is retried when Kafka did not acknowledge. */
    public static void await(CompletableFuture<?> sends) {
        try {
            sends.get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a dead letter or task failure was not acknowledged", e);
        }
    }

    /**
     * The error handler's recoverer: spring-kafka's {@link DeadLetterPublishingRecoverer}, to
     * {@code <topic>.DLT} on the same partition, writing this writer's header set (and only it).
     */
    public DeadLetterPublishingRecoverer recoverer() {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(deadLetterTopic(record.topic()), record.partition())) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                    Exception exception) {
                super.accept(record, consumer, exception);
                counted(record.topic());
            }
        };
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.values());
        recoverer.addHeadersFunction((record, e) -> DeadLetterHeaders.of(record, e, service, clock.instant()));
        return recoverer;
    }

    static String deadLetterTopic(String topic) {
        return topic + Topic.DLT_SUFFIX;
    }

    private void counted(String topic) {
        Counter.builder("pipeline.dlt.messages").description("Records sent to a dead-letter topic")
                .tag("topic", topic).register(meters).increment();
    }
}
