package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.BadRecordPolicy;
import com.talentpipeline.core.topic.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A typed consumer of one topic: the {@code @KafkaListener} method passes it the polled records
 * ({@link #onBatch}, or {@link #onRecord} for a single-record listener); it decodes each with the topic's
 * serde and the listener's checks, hands the good ones to the {@link BatchHandler}, and treats a record it
 * cannot decode by the topic's {@link BadRecordPolicy}, counted as
 * {@code pipeline_bad_records_total{topic,policy}}: dead-lettered (and its task failed with
 * {@code MALFORMED_EVENT} when the bytes still name it and the listener said which task type it runs), or
 * logged and skipped. Dead letters are acknowledged before the handler runs, so the batch's offsets are
 * committed only after them.
 *
 * @param <V> payload type
 */
public final class TypedListener<V> {

    private static final Logger log = LoggerFactory.getLogger(TypedListener.class);

    private final Topic<V> topic;
    private final BadRecordPolicy policy;
    private final TaskType taskType;
    private final Check<V> check;
    private final boolean tombstones;
    private final BatchHandler<V> handler;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    private TypedListener(Builder<V> b, BatchHandler<V> handler) {
        this.topic = b.topic;
        this.policy = b.observer ? BadRecordPolicy.SKIP_AND_COUNT : b.topic.badRecordPolicy();
        this.taskType = b.taskType;
        this.check = b.check;
        this.tombstones = b.tombstones;
        this.handler = handler;
        this.deadLetters = b.deadLetters;
        this.meters = b.meters;
    }

    /** The topic it reads. */
    public Topic<V> topic() {
        return topic;
    }

    /** The policy it applies to bad records (the topic's, or skip for an observer). */
    public BadRecordPolicy policy() {
        return policy;
    }

    /** Decodes one poll and hands the good records to the handler. */
    public void onBatch(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<Received<V>> good = new ArrayList<>(records.size());
        List<CompletableFuture<?>> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                if (tombstones) {
                    good.add(new Received<>(record, null));
                }
                continue;
            }
            EventEnvelope<V> envelope;
            try {
                envelope = topic.decode(record.value());
                check.check(envelope);
            } catch (RuntimeException e) {
                bad(record, e, letters);
                continue;
            }
            good.add(new Received<>(record, envelope));
        }
        if (!letters.isEmpty()) {
            DeadLetters.await(CompletableFuture.allOf(letters.toArray(CompletableFuture[]::new)));
        }
        if (!good.isEmpty()) {
            handler.handle(good);
        }
    }

    /** One record (a single-record listener). */
    public void onRecord(ConsumerRecord<String, byte[]> record) throws Exception {
        onBatch(List.of(record));
    }

    private void bad(ConsumerRecord<String, byte[]> record, RuntimeException cause, List<CompletableFuture<?>> letters) {
        Counter.builder("pipeline.bad.records")
                .description("Records a consumer could not decode, by topic and the bad-record policy applied")
                .tag("topic", record.topic()).tag("policy", policy.tag())
                .register(meters).increment();
        if (policy == BadRecordPolicy.SKIP_AND_COUNT) {
            log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    cause.toString());
            return;
        }
        letters.add(deadLetters.send(record, cause));
        EnvelopeProbe probe = EnvelopeProbe.of(record.value());
        if (taskType != null && probe.taskId() != null && record.key() != null) {
            // The envelope is unreadable as a whole but names its task: fail that task with the reason.
            letters.add(deadLetters.failTask(new TaskFailure(probe.taskId(),
                    probe.tenantId() == null ? "default" : probe.tenantId(), record.key(), null, null,
                    com.talentpipeline.core.task.TaskEvent.failed(taskType, ErrorCode.MALFORMED_EVENT,
                            "The " + topic.name() + " event could not be read: " + DeadLetterHeaders.message(cause)))));
        }
    }

    /**
     * A listener's own test of a decoded envelope (a field its handler needs, say); throwing makes the
     * record a bad record.
     *
     * @param <V> payload type
     */
    @FunctionalInterface
    public interface Check<V> {

        /** Throws (an {@link IllegalArgumentException}, say) when the envelope is not usable. */
        void check(EventEnvelope<V> envelope);
    }

    /**
     * Options of a typed listener; {@link ConsumeKit#listener} starts one.
     *
     * @param <V> payload type
     */
    public static final class Builder<V> {
        private final Topic<V> topic;
        private final DeadLetters deadLetters;
        private final MeterRegistry meters;
        private TaskType taskType;
        private Check<V> check = envelope -> { };
        private boolean tombstones;
        private boolean observer;

        Builder(Topic<V> topic, DeadLetters deadLetters, MeterRegistry meters) {
            this.topic = Objects.requireNonNull(topic);
            this.deadLetters = deadLetters;
            this.meters = meters;
        }

        /**
         * The type of the task each record carries: a dead-lettered record whose bytes still name its task
         * fails that task ({@code MALFORMED_EVENT}).
         */
        public Builder<V> failingTasksAs(TaskType type) {
            this.taskType = type;
            return this;
        }

        /** Adds a check of each decoded envelope; a record that fails it is a bad record. */
        public Builder<V> requiring(Check<V> check) {
            Check<V> before = this.check;
            this.check = envelope -> {
                before.check(envelope);
                check.check(envelope);
            };
            return this;
        }

        /** Passes tombstones (null values of compacted topics) to the handler; by default they are dropped. */
        public Builder<V> keepingTombstones() {
            this.tombstones = true;
            return this;
        }

        /**
         * A secondary reader of a topic whose own worker dead-letters its bad records (the webhook fan-out
         * of {@code task.events}, say): it skips and counts them, so a bad record has one dead letter.
         */
        public Builder<V> observing() {
            this.observer = true;
            return this;
        }

        /** The listener, handing decoded batches to {@code handler}. */
        public TypedListener<V> handler(BatchHandler<V> handler) {
            return new TypedListener<>(this, Objects.requireNonNull(handler));
        }
    }
}
