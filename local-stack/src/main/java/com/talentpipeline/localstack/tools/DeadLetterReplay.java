package com.talentpipeline.localstack.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.kafka.consume.DeadLetterHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-drives the records of {@code <topic>.DLT} to the topic they were dead-lettered from, once the
 * cause is fixed: the original key, value and headers (without the dead-letter headers of the consume
 * kit, {@link DeadLetterHeaders}, all {@code kafka_dlt-*}, plus
 * {@code pipeline-replayed-from: <dlt>-<partition>@<offset>}), to the original topic named in
 * {@link DeadLetterHeaders#ORIGINAL_TOPIC} (else {@code <topic>}).
 *
 * <p>A readable event envelope is replayed under a new task id, {@code UUID.nameUUIDFromBytes} of
 * the dead letter's coordinates (header {@code pipeline-replay-of-task} names the old one): the old
 * task is already terminal (FAILED) and task states only move forward, so the re-run must be a task
 * of its own to be visible, and replaying the same dead letter twice yields the same task id, which
 * the results store upserts. {@code --keep-task-id} republishes the value byte for byte instead.
 *
 * <p>What was replayed is committed as offsets of the consumer group {@code dlt-replay.<topic>}
 * only after the producer (idempotent, {@code acks=all}) acknowledged every record, so a second
 * run re-drives only records dead-lettered since. Each run reads up to the end offsets it found
 * at its start, so records dead-lettered again during the run wait for the next run.
 *
 * <pre>
 * DeadLetterReplay --bootstrap-servers 127.0.0.1:9092 --topic resume.submitted
 *                  [--from-offset N | --from-time 2026-01-01T00:00:00Z] [--dry-run] [--keep-task-id]
 * </pre>
 * {@code --from-offset}/{@code --from-time} start every partition there instead of after the last
 * replay; {@code --dry-run} lists what would be replayed and changes nothing.
 */
public final class DeadLetterReplay {

    static final String ORIGINAL_TOPIC_HEADER = DeadLetterHeaders.ORIGINAL_TOPIC;
    /** Where a replayed record came from. */
    public static final String REPLAYED_FROM_HEADER = "pipeline-replayed-from";
    /** The task id a replayed envelope had before it got its own. */
    public static final String REPLAY_OF_TASK_HEADER = "pipeline-replay-of-task";

    private DeadLetterReplay() {
    }

    /**
     * What to replay.
     *
     * @param bootstrapServers Kafka
     * @param topic            the original topic; its dead letters are in {@code <topic>.DLT}
     * @param fromOffset       start offset for every partition, or null
     * @param fromTime         start time for every partition, or null
     * @param dryRun           list only
     * @param keepTaskId       republish the value unchanged (same task id)
     */
    public record Options(String bootstrapServers, String topic, Long fromOffset, Instant fromTime, boolean dryRun,
            boolean keepTaskId) {

        /** The consumer group whose offsets record what was replayed. */
        public String group() {
            return "dlt-replay." + topic;
        }
    }

    /**
     * What a run did.
     *
     * @param scanned  dead letters read
     * @param replayed records republished (0 in a dry run)
     * @param targets  records per target topic
     * @param taskIds  the task ids the replayed envelopes carry (new ones unless kept)
     */
    public record Result(int scanned, int replayed, Map<String, Integer> targets, List<String> taskIds) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: dlt-replay <topic> [--from-offset N | --from-time ISO-INSTANT] [--dry-run] [--keep-task-id]"
                    + " [--bootstrap-servers host:port]");
            System.exit(2);
            return;
        }
        Result result = run(options, System.out);
        System.out.printf("%s: %d dead letters read, %d replayed%s %s%n", options.topic() + ".DLT", result.scanned(),
                result.replayed(), options.dryRun() ? " (dry run)" : "", result.targets());
    }

    static Options parse(String[] args) {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        String topic = null;
        Long fromOffset = null;
        Instant fromTime = null;
        boolean dryRun = false;
        boolean keepTaskId = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = value(args, ++i);
                case "--topic" -> topic = value(args, ++i);
                case "--from-offset" -> fromOffset = Long.parseLong(value(args, ++i));
                case "--from-time" -> fromTime = Instant.parse(value(args, ++i));
                case "--dry-run" -> dryRun = true;
                case "--keep-task-id" -> keepTaskId = true;
                default -> {
                    if (args[i].startsWith("--") || topic != null) {
                        throw new IllegalArgumentException("unknown argument: " + args[i]);
                    }
                    topic = args[i];
                }
            }
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("the topic is missing");
        }
        if (topic.endsWith(".DLT")) {
            topic = topic.substring(0, topic.length() - 4);
        }
        if (fromOffset != null && fromTime != null) {
            throw new IllegalArgumentException("--from-offset and --from-time exclude each other");
        }
        return new Options(bootstrap, topic, fromOffset, fromTime, dryRun, keepTaskId);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** Replays (or lists) the dead letters and returns what it did. */
    public static Result run(Options options, PrintStream out) {
        String dlt = options.topic() + ".DLT";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(options));
                KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null : new KafkaProducer<>(producerProperties(options))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(dlt, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(dlt, p.partition()));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            seek(consumer, options, partitions);

            int scanned = 0;
            Map<String, Integer> targets = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<Future<?>> sends = new ArrayList<>();
            List<String> taskIds = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (!caughtUp(consumer, partitions, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    scanned++;
                    String target = originalTopic(record, options.topic());
                    targets.merge(target, 1, Integer::sum);
                    ProducerRecord<byte[], byte[]> replay = replayOf(record, target, options.keepTaskId());
                    String taskId = taskIdOf(replay.value());
                    if (taskId != null) {
                        taskIds.add(taskId);
                    }
                    out.printf("%s %s-%d@%d -> %s%s%n", options.dryRun() ? "would replay" : "replaying", dlt,
                            record.partition(), record.offset(), target, taskId == null ? "" : " as task " + taskId);
                    if (!options.dryRun()) {
                        sends.add(producer.send(replay));
                    }
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (options.dryRun()) {
                return new Result(scanned, 0, targets, taskIds);
            }
            producer.flush();
            for (Future<?> send : sends) {
                send.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            // Only acknowledged records count as replayed: a failed run repeats them next time.
            if (!done.isEmpty()) {
                consumer.commitSync(done, Duration.ofSeconds(30));
            }
            return new Result(scanned, sends.size(), targets, taskIds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + dlt, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a replayed record was not acknowledged; nothing was marked replayed", e);
        }
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, Options options, List<TopicPartition> partitions) {
        if (options.fromOffset() != null) {
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(options.fromOffset(), start.get(tp)));
            }
        } else if (options.fromTime() != null) {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, options.fromTime().toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = found.get(tp);
                consumer.seek(tp, at == null ? end.get(tp) : at.offset());
            }
        } else {
            // After the last replay (the group's committed offsets), else from the beginning.
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions),
                    Duration.ofSeconds(30));
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata at = committed.get(tp);
                if (at == null) {
                    fresh.add(tp);
                } else {
                    consumer.seek(tp, at.offset());
                }
            }
            consumer.seekToBeginning(fresh);
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            if (consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    static String originalTopic(ConsumerRecord<byte[], byte[]> record, String fallback) {
        Header header = record.headers().lastHeader(ORIGINAL_TOPIC_HEADER);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }

    static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> record, String target,
            boolean keepTaskId) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = record.value();
        String oldTaskId = taskIdOf(value);
        if (!keepTaskId && oldTaskId != null) {
            ObjectNode envelope = (ObjectNode) PipelineJson.mapper().readTree(value);
            UUID fresh = UUID.nameUUIDFromBytes(("replay:" + record.topic() + "-" + record.partition() + "@"
                    + record.offset()).getBytes(StandardCharsets.UTF_8));
            envelope.put("taskId", fresh.toString());
            value = PipelineJson.mapper().writeValueAsBytes(envelope);
            headers.add(REPLAY_OF_TASK_HEADER, oldTaskId.getBytes(StandardCharsets.UTF_8));
        }
        for (Header h : record.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(h.key())) {
                headers.add(h);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        // Same key: the partitioner puts it on the partition its subject's other events use.
        return new ProducerRecord<>(target, null, record.key(), value, headers);
    }

    /** The taskId of an event envelope, or null when the bytes are not one. */
    static String taskIdOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = PipelineJson.mapper().readTree(value);
            return node != null && node.isObject() && node.hasNonNull("taskId") ? node.get("taskId").asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Properties consumerProperties(Options options) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Properties producerProperties(Options options) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
