package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.kafka.consume.DeadLetters;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.topic.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Makes a worker's {@link Responder}s (auto-configured in every service with Kafka): the worker names the
 * request topic, the task type (null for a query) and its handler; the kit adds the producer, the consume
 * kit's dead-letter writer and a pool of its own, closed with the application.
 */
public final class Responders implements AutoCloseable {

    private final KafkaOperations<String, byte[]> kafka;
    private final DeadLetters deadLetters;
    private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();

    public Responders(KafkaOperations<String, byte[]> kafka, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
    }

    /**
     * A responder whose requests run on a pool of {@code threads} daemon threads named {@code name-N}
     * (requests of one poll in parallel; they may block on a model or a store).
     */
    public <Q> Responder<Q> of(Topic<Q> topic, TaskType type, RequestHandler<Q> handler, String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        return of(topic, type, handler, pool);
    }

    /** A responder whose requests run on the caller's executor (shared with other work of the worker). */
    public <Q> Responder<Q> of(Topic<Q> topic, TaskType type, RequestHandler<Q> handler, Executor executor) {
        return new Responder<>(topic, type, handler, kafka::send, executor, deadLetters);
    }

    @Override
    public void close() {
        pools.forEach(ExecutorService::shutdownNow);
    }
}
