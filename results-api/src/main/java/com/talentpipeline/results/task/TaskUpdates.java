package com.talentpipeline.results.task;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * In-process signal "task X changed", emitted by the task.events consumer after it stored the change,
 * listened to by SSE streams and long polls (which then read the stored state). Best effort: a slow
 * subscriber misses signals, and the streams also re-read on a timer, so nothing waits on a lost one.
 */
@Component
public class TaskUpdates {

    private final Sinks.Many<UUID> sink = Sinks.many().multicast().directBestEffort();

    /** Signals that the task's stored state changed. */
    public synchronized void changed(UUID taskId) {
        sink.tryEmitNext(taskId);
    }

    /** Signals for one task. */
    public Flux<UUID> of(UUID taskId) {
        return sink.asFlux().filter(taskId::equals);
    }
}
