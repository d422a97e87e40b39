package com.talentpipeline.core.kafka.reply;

import com.talentpipeline.core.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the reply topic for this front-door instance. It {@code assign}s itself every partition and
 * starts at their ends: no consumer group, so no rebalance, no committed offsets, and every replica sees
 * every reply and keeps those it waits for ({@link PendingReplies}). Replies are small and as frequent as
 * the questions clients wait on, so reading them all costs little; per-instance partitions would instead
 * need a stable instance number and a partition count sized to the largest replica count.
 *
 * <p>{@link #start()} returns once the end offsets are fixed, so no reply to a request sent after start-up
 * can be missed.
 */
public final class ReplyConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyConsumer.class);

    private final Topic<Reply> topic;
    private final Map<String, Object> consumerConfig;
    private final PendingReplies pending;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param topic          the reply topic
     * @param consumerConfig bootstrap servers and client settings (a group id, if any, is ignored)
     * @param pending        where replies are handed
     */
    public ReplyConsumer(Topic<Reply> topic, Map<String, Object> consumerConfig, PendingReplies pending) {
        this.topic = topic;
        this.consumerConfig = consumerConfig;
        this.pending = pending;
    }

    @Override
    public void start() {
        Properties props = new Properties();
        props.putAll(consumerConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // Replies are waited on: hand over whatever arrived at once.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        running = true;
        thread = new Thread(() -> run(props), "reply-consumer-" + topic.name());
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(30, TimeUnit.SECONDS)) {
                log.warn("reply consumer of {} not positioned after 30 s; replies may be late", topic.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Properties props) {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("topic " + topic.name() + " has no partitions yet");
                }
                c.assign(partitions);
                c.seekToEnd(partitions);
                partitions.forEach(c::position); // fixes the start now, not lazily at the first poll
                positioned.countDown();
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                        hand(record);
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the poll up
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("reply consumer of {} failed, restarting in 1 s: {}", topic.name(), e.toString());
                    sleep();
                }
            }
        }
    }

    private void hand(ConsumerRecord<String, byte[]> record) {
        try {
            pending.complete(topic.decode(record.value()).payload());
        } catch (RuntimeException e) {
            log.warn("unreadable reply {}-{}@{} skipped: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
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

    @Override
    public boolean isRunning() {
        return running;
    }
}
