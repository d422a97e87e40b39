package com.talentpipeline.ingest.backpressure;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;

/**
 * The largest lag of the watched consumer groups on each guarded topic, measured with the Kafka
 * admin client (end offsets against committed offsets) and reused for {@code refresh}, so a burst
 * of requests costs one measurement per second, not one per request. A measurement older than
 * {@code refresh} is still answered at once while a new one runs in the background (stale while
 * revalidate): no submission waits for the admin round trips, which cost 10-30 ms under load and showed
 * in ingest's p99. Only a measurement older than {@code refresh + timeout} (Kafka silent) or none at all
 * makes a request wait, bounded by {@code timeout}.
 */
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final BackpressureProperties properties;
    private final Admin admin;
    private final Set<String> topics;
    private final Mono<Map<String, Long>> cached;
    private final Duration refresh;
    private final Duration maxAge;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Snapshot last;

    private record Snapshot(Map<String, Long> lags, long atNanos) {
    }

    public ConsumerLag(BackpressureProperties properties, KafkaAdmin kafkaAdmin) {
        this.properties = properties;
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.topics = new HashSet<>(properties.routes().values());
        this.refresh = properties.refresh();
        this.maxAge = properties.refresh().plus(properties.timeout());
        Duration refresh = this.refresh;
        this.cached = Mono.defer(this::measure)
                .timeout(properties.timeout())
                .doOnNext(lags -> last = new Snapshot(lags, System.nanoTime()))
                .cache(value -> refresh, error -> refresh, () -> refresh);
    }

    /** The lag of the topic (max over the watched groups; -1 when unknown or not consumed). */
    public Mono<Long> of(String topic) {
        Snapshot snapshot = last;
        if (snapshot != null) {
            long age = System.nanoTime() - snapshot.atNanos();
            if (age <= maxAge.toNanos()) {
                if (age > refresh.toNanos() && refreshing.compareAndSet(false, true)) {
                    // Revalidate in the background; this request is answered from the last measurement.
                    cached.doFinally(signal -> refreshing.set(false)).subscribe(lags -> { }, e -> { });
                }
                return Mono.just(snapshot.lags().getOrDefault(topic, -1L));
            }
        }
        return cached.map(lags -> lags.getOrDefault(topic, -1L))
                .onErrorResume(e -> {
                    // Kafka did not answer: the publish will fail and answer 503 on its own.
                    log.debug("consumer lag unknown: {}", e.toString());
                    return Mono.just(-1L);
                });
    }

    private Mono<Map<String, Long>> measure() {
        return Mono.fromCompletionStage(partitions().toCompletionStage())
                .flatMap(partitions -> Mono.zip(
                        offsets(partitions, OffsetSpec.latest()),
                        offsets(partitions, OffsetSpec.earliest()),
                        committedOffsets()))
                .map(t -> {
                    Map<String, Long> lags = new HashMap<>();
                    for (String topic : topics) {
                        long max = -1;
                        for (Map<TopicPartition, Long> committed : t.getT3()) {
                            max = Math.max(max, LagArithmetic.lag(topic, t.getT1(), t.getT2(), committed));
                        }
                        lags.put(topic, max);
                    }
                    return lags;
                });
    }

    private KafkaFuture<List<TopicPartition>> partitions() {
        return admin.describeTopics(topics).allTopicNames().thenApply(descriptions -> {
            List<TopicPartition> all = new java.util.ArrayList<>();
            descriptions.forEach((name, d) -> d.partitions()
                    .forEach(p -> all.add(new TopicPartition(name, p.partition()))));
            return all;
        });
    }

    private Mono<Map<TopicPartition, Long>> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        return Mono.fromCompletionStage(admin.listOffsets(request).all().toCompletionStage())
                .map(result -> {
                    Map<TopicPartition, Long> offsets = new HashMap<>();
                    for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e : result.entrySet()) {
                        offsets.put(e.getKey(), e.getValue().offset());
                    }
                    return offsets;
                });
    }

    private Mono<List<Map<TopicPartition, Long>>> committedOffsets() {
        return reactor.core.publisher.Flux.fromIterable(properties.groups())
                .flatMap(group -> Mono.fromCompletionStage(
                                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().toCompletionStage())
                        .map(ConsumerLag::positions))
                .collectList();
    }

    private static Map<TopicPartition, Long> positions(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null) {
                positions.put(tp, om.offset());
            }
        });
        return positions;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
