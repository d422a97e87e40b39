package com.talentpipeline.results.erasure;

import com.talentpipeline.core.erasure.ErasureLedger;
import com.talentpipeline.core.erasure.ErasureProperties;
import com.talentpipeline.results.task.TaskUpdates;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@code pipeline.erasure.sweep-interval}, checks each open erasure task: ends it when its reports
 * are all in (a report may have arrived before the plan was committed) or FAILED when its deadline has
 * passed; and drops stray reports of tasks that are not open, once they are older than the deadline.
 * Safe with several instances: a task is ended only from RUNNING.
 */
@Component
class ErasureSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasureSweeper.class);

    private final ErasureTracker tracker;
    private final ErasureLedger ledger;
    private final ErasureProperties properties;
    private final TaskUpdates updates;
    private volatile Disposable loop;

    public ErasureSweeper(ErasureTracker tracker, ErasureLedger ledger, ErasureProperties properties,
            TaskUpdates updates) {
        this.tracker = tracker;
        this.ledger = ledger;
        this.properties = properties;
        this.updates = updates;
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("erasure sweep failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** One round over the open tasks. */
    Mono<Void> sweep() {
        return ledger.openTasks()
                .concatMap(taskId -> tracker.check(taskId).doOnNext(outcome -> {
                    if (outcome != ErasureTracker.Outcome.UNKNOWN) {
                        updates.changed(taskId);
                    }
                }))
                .then(ledger.dropOrphans(Instant.now().minus(properties.deadline())))
                .then();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
