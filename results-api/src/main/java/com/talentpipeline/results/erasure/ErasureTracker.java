package com.talentpipeline.results.erasure;

import com.talentpipeline.core.erasure.ErasureLedger;
import com.talentpipeline.core.erasure.ErasureProperties;
import com.talentpipeline.core.erasure.ErasureReport;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Tallies erasure tasks: records each participant's report (from {@code task.events}), and ends the task
 * SUCCEEDED with the per-participant counts once every listed participant reported on every resume, or
 * FAILED ({@link ErrorCode#ERASURE_INCOMPLETE}, naming the missing participants, with what the others
 * reported as its result) when {@code pipeline.erasure.deadline} has passed. A finished task never
 * changes again: its row is updated only while RUNNING, and its plan is closed.
 */
@Component
public class ErasureTracker {

    private static final Logger log = LoggerFactory.getLogger(ErasureTracker.class);

    /** What a check did to the task. */
    public enum Outcome {
        /** Not an open task (closed already, or its plan is not committed yet). */
        UNKNOWN,
        /** Still waiting (its progress may have moved). */
        WAITING,
        SUCCEEDED,
        FAILED
    }

    private final ErasureLedger ledger;
    private final ErasureTaskRows rows;
    private final TransactionalOperator tx;
    private final ErasureProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    @Autowired
    ErasureTracker(ErasureLedger ledger, ErasureTaskRows rows, TransactionalOperator tx,
            ErasureProperties properties, MeterRegistry meters) {
        this(ledger, rows, tx, properties, meters, Clock.systemUTC());
    }

    ErasureTracker(ErasureLedger ledger, ErasureTaskRows rows, TransactionalOperator tx, ErasureProperties properties,
            MeterRegistry meters, Clock clock) {
        this.ledger = ledger;
        this.rows = rows;
        this.tx = tx;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Records a participant's report and checks the task. */
    public Mono<Outcome> onReport(UUID taskId, ErasureReport report) {
        return ledger.record(taskId, report, clock.instant())
                .doOnNext(fresh -> {
                    if (!fresh) {
                        log.info("erasure task {}: repeated report of {} on {} ignored", taskId, report.participant(),
                                report.subject());
                    }
                })
                .then(check(taskId));
    }

    /** Ends the task when every report is in, or when its deadline has passed. */
    public Mono<Outcome> check(UUID taskId) {
        return ledger.find(taskId)
                .flatMap(open -> ledger.reports(taskId).collectList()
                        .flatMap(reports -> {
                            ErasureTally tally = new ErasureTally(open.plan(), reports);
                            if (tally.complete()) {
                                return finish(taskId, tally, TaskState.SUCCEEDED, null);
                            }
                            Instant deadline = open.openedAt().plus(properties.deadline());
                            if (!clock.instant().isBefore(deadline)) {
                                String message = "No erasure report within " + properties.deadline() + " from: "
                                        + String.join(", ", tally.missing());
                                return finish(taskId, tally, TaskState.FAILED, message);
                            }
                            return rows.progress(taskId, tally.progress(), clock.instant()).thenReturn(Outcome.WAITING);
                        }))
                .defaultIfEmpty(Outcome.UNKNOWN);
    }

    /** Ends the task (only from RUNNING), stores its result and closes its plan, in one transaction. */
    private Mono<Outcome> finish(UUID taskId, ErasureTally tally, TaskState state, String message) {
        Mono<Outcome> ended = rows.finish(taskId, state, message, tally.result(), clock.instant())
                // Not RUNNING: another check (the sweep, another instance) ended it first.
                .map(done -> !done ? Outcome.UNKNOWN : state == TaskState.SUCCEEDED ? Outcome.SUCCEEDED : Outcome.FAILED);
        return tx.transactional(ended.flatMap(outcome -> ledger.close(taskId).thenReturn(outcome)))
                .doOnNext(outcome -> {
                    if (outcome != Outcome.UNKNOWN) {
                        Counter.builder("pipeline.erasure.tasks")
                                .description("Erasure tasks ended, by outcome")
                                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                                .register(meters).increment();
                        if (outcome == Outcome.FAILED) {
                            log.warn("erasure task {} FAILED: {}", taskId, message);
                        } else {
                            log.info("erasure task {} SUCCEEDED: {}", taskId, tally.perParticipant());
                        }
                    }
                });
    }
}
