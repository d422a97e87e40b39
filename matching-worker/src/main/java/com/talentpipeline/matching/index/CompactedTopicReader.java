package com.talentpipeline.matching.index;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads every partition of a compacted topic from its first offset on its own thread, for as long as
 * the service runs, handing each polled batch to a handler. Partitions are assigned, not subscribed
 * (every instance builds the full state; no rebalancing), under an own group id whose offsets are
 * never committed. {@link #caughtUp()} turns true once the positions reached the end offsets taken at
 * start: the state is then at least as fresh as the topic was when the service started.
 */
public final class CompactedTopicReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicReader.class);

    private final String topic;
    private final int partitions;
    private final ConsumerFactory<String, byte[]> factory;
    private final String groupId;
    private final Consumer<List<ConsumerRecord<String, byte[]>>> handler;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private Thread thread;

    public CompactedTopicReader(String topic, int partitions, ConsumerFactory<String, byte[]> factory, String groupId,
            Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        this.topic = topic;
        this.partitions = partitions;
        this.factory = factory;
        this.groupId = groupId;
        this.handler = handler;
    }

    /** Starts the reading thread. */
    public void start() {
        thread = new Thread(this::run, "index-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the start-up end offsets were reached. */
    public boolean caughtUp() {
        return ready.getCount() == 0;
    }

    /** Waits for {@link #caughtUp()}; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        while (running) {
            try (var c = factory.createConsumer(groupId, groupId + "-" + topic, null, overrides)) {
                consumer = c;
                List<TopicPartition> assigned = new ArrayList<>();
                for (int p = 0; p < partitions; p++) {
                    assigned.add(new TopicPartition(topic, p));
                }
                c.assign(assigned);
                c.seekToBeginning(assigned);
                Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(assigned, Duration.ofSeconds(30)));
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        handler.accept(batch);
                    }
                    if (ready.getCount() > 0) {
                        end.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
                        if (end.isEmpty()) {
                            log.info("{} caught up", topic);
                            ready.countDown();
                        }
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // Kafka unreachable or a handler failure on infrastructure (database down): rebuild from the start.
                log.warn("reader of {} failed, restarting from the first offset: {}", topic, e.toString());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        var c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
