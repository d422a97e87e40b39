package com.talentpipeline.core.topic;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a record from reactive code. {@code KafkaTemplate.send} may block up to {@code max.block.ms}
 * while it fetches metadata for a topic the producer has not used yet, so it must never run on a
 * Netty, R2DBC or Kafka I/O thread: called from the producer's own network thread (the completion of
 * a previous send) it would wait for itself until the timeout.
 */
public final class ReactiveSends {

    private ReactiveSends() {
    }

    /** Emits the send result once Kafka acknowledged the record; the send itself runs on boundedElastic. */
    public static <K, V> Mono<SendResult<K, V>> acknowledged(KafkaTemplate<K, V> kafka, ProducerRecord<K, V> record) {
        return Mono.fromFuture(() -> kafka.send(record)).subscribeOn(Schedulers.boundedElastic());
    }
}
