package com.talentpipeline.results.task;

import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskEvent;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.results.door.DoorWriter;
import com.talentpipeline.results.erasure.ErasureTracker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code task.events} (group {@code results-api}) into the task store, in order per subject.
 * Offsets are committed after the batch is stored, so a crash re-applies events, which the store's
 * rank-guarded upserts make harmless. Unreadable events go to {@code task.events.DLT} (the consume kit;
 * {@code task.events} dead-letters), and so does an event the store refuses for good, whose task is then
 * marked FAILED ({@code RESULT_NOT_STORED}).
 */
@Component
class TaskEventListener {

    private static final Logger log = LoggerFactory.getLogger(TaskEventListener.class);

    private final TaskStore store;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    private final TaskUpdates updates;
    private final DoorWriter door;
    private final TypedListener<TaskEvent> listener;

    private final ErasureTracker erasures;

    /** Without door entries or erasure reports (tests). */
    public TaskEventListener(TaskStore store, ConsumeKit kit, MeterRegistry meters, TaskUpdates updates) {
        this(store, kit, meters, updates, new DoorWriter((com.talentpipeline.core.cache.ResultCache) null, null, meters),
                null);
    }

    /**
     * @param door      records stored SUCCEEDED resume results for the ingest API's door
     * @param erasures  tallies the erasure participants' reports
     */
    @org.springframework.beans.factory.annotation.Autowired
    public TaskEventListener(TaskStore store, ConsumeKit kit, MeterRegistry meters, TaskUpdates updates,
            DoorWriter door, ErasureTracker erasures) {
        this.erasures = erasures;
        this.updates = updates;
        this.door = door;
        this.store = store;
        this.deadLetters = kit.deadLetters();
        this.meters = meters;
        this.listener = kit.listener(Topics.TASK_EVENTS).handler(this::apply);
    }

    @KafkaListener(id = "task-events", idIsGroup = false, topics = Topics.TASK_EVENTS_NAME, batch = "true")
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }

    private void apply(List<Received<TaskEvent>> batch) {
        for (Received<TaskEvent> received : batch) {
            ConsumerRecord<String, byte[]> record = received.record();
            EventEnvelope<TaskEvent> envelope = received.envelope();
            TaskEvent event = envelope.payload();
            java.util.Optional<ErasureReport> report;
            try {
                report = ErasureReport.from(event);
            } catch (RuntimeException e) {
                deadLetters.sendAndWait(record, e);
                continue;
            }
            if (report.isPresent()) {
                onErasureReport(record, envelope, report.get());
                continue;
            }
            Instant createdAt;
            try {
                createdAt = store.apply(envelope).block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                if (isStoreUnavailable(e)) {
                    throw e; // the error handler retries the batch until the database is back
                }
                // This event cannot be stored: dead-lettered (kept for replay) and the partition keeps moving.
                deadLetters.sendAndWait(record, e);
                failUnstorable(envelope, e);
                continue;
            }
            if (createdAt != null) {
                updates.changed(envelope.taskId());
                recordAtTheDoor(envelope);
                Counter.builder("pipeline.tasks")
                        .description("Task state transitions applied, by type and new state")
                        .tag("type", event.type().wireName())
                        .tag("state", event.state().name())
                        .register(meters)
                        .increment();
                if (event.state().isTerminal()) {
                    Timer.builder("pipeline.task.latency")
                            .description("Time from submission (ACCEPTED) to a terminal state")
                            .tag("type", event.type().wireName())
                            .tag("state", event.state().name())
                            .publishPercentileHistogram()
                            .register(meters)
                            .record(latency(createdAt, event.at()));
                }
            }
        }
    }

    /**
     * A participant's report on an erasure task goes to the tally, not to the task row (the erasure task's
     * subject is erased, so the row upsert would skip it; and a report is not a state change).
     */
    private void onErasureReport(ConsumerRecord<String, byte[]> record, EventEnvelope<TaskEvent> envelope,
            ErasureReport report) {
        if (erasures == null) {
            return;
        }
        ErasureTracker.Outcome outcome;
        try {
            outcome = erasures.onReport(envelope.taskId(), report).block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            if (isStoreUnavailable(e)) {
                throw e;
            }
            deadLetters.sendAndWait(record, e);
            return;
        }
        if (outcome != null && outcome != ErasureTracker.Outcome.UNKNOWN) {
            updates.changed(envelope.taskId());
        }
    }

    /**
     * A stored SUCCEEDED resume result becomes known at the door (only when it changed the task: a late
     * event of an erased resume changes nothing and must not bring its content back).
     */
    private void recordAtTheDoor(EventEnvelope<TaskEvent> envelope) {
        try {
            door.record(envelope).block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("task {}: door entry not written: {}", envelope.taskId(), e.toString());
        }
    }

    /**
     * A task must always end: when a worker's event (its result, say) cannot be stored, the task is
     * marked FAILED with {@code RESULT_NOT_STORED} and the reason instead of staying where it was.
     */
    private void failUnstorable(EventEnvelope<TaskEvent> envelope, RuntimeException cause) {
        TaskEvent event = envelope.payload();
        Counter.builder("pipeline.task.results.unstorable")
                .description("Task events the store refused for good; their tasks are marked FAILED")
                .tag("type", event.type().wireName())
                .register(meters)
                .increment();
        if (event.state() == TaskState.FAILED) {
            return; // already a failure; nothing better to store
        }
        TaskEvent failed = TaskEvent.failed(event.type(), ErrorCode.RESULT_NOT_STORED,
                "The worker's " + event.state().name() + " update could not be stored: " + printable(cause.getMessage()));
        try {
            Instant createdAt = store.apply(envelope.derive(envelope.type(), envelope.contentHash(), failed))
                    .block(Duration.ofSeconds(30));
            if (createdAt != null) {
                updates.changed(envelope.taskId());
                recordAtTheDoor(envelope);
            }
        } catch (RuntimeException e) {
            log.error("task {} could not be marked FAILED after its event was refused: {}", envelope.taskId(),
                    e.getMessage());
        }
    }

    /** The message without control characters (the cause may be one), at most 300 characters. */
    static String printable(String message) {
        String text = String.valueOf(message).replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Connection-level failures are worth waiting out; anything else is about the event itself. */
    static boolean isStoreUnavailable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.springframework.dao.TransientDataAccessException
                    || c instanceof org.springframework.dao.DataAccessResourceFailureException
                    || c instanceof io.r2dbc.spi.R2dbcTransientException
                    || c instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || c instanceof java.net.ConnectException
                    || c instanceof java.util.concurrent.TimeoutException
                    || (c instanceof IllegalStateException && String.valueOf(c.getMessage()).startsWith("Timeout on blocking"))) {
                return true;
            }
        }
        return false;
    }

    /** Submit-to-terminal time; never negative (the store keeps microseconds, events nanoseconds). */
    static Duration latency(Instant createdAt, Instant terminalAt) {
        Duration latency = Duration.between(createdAt, terminalAt == null ? Instant.now() : terminalAt);
        return latency.isNegative() ? Duration.ZERO : latency;
    }
}
