package com.talentpipeline.core.kafka.consume;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;

/** A producer double that records what is sent, and records of the registry's topics. */
final class KitFixtures {

    final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
    final KafkaOperations<String, byte[]> kafka;
    /** When set, every send fails with it (Kafka not acknowledging). */
    RuntimeException sendFailure;

    @SuppressWarnings("unchecked")
    KitFixtures() {
        kafka = mock(KafkaOperations.class);
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            if (sendFailure != null) {
                return CompletableFuture.failedFuture(sendFailure);
            }
            sent.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        // The dead-letter topics exist with their topic's partition count (the recoverer checks).
        when(kafka.partitionsFor(anyString())).thenAnswer(call -> partitions(call.getArgument(0)));
    }

    /** Six partitions of a topic, as the registry creates every topic and its DLT. */
    static List<org.apache.kafka.common.PartitionInfo> partitions(String topic) {
        return java.util.stream.IntStream.range(0, 6)
                .mapToObj(p -> new org.apache.kafka.common.PartitionInfo(topic, p, null, null, null)).toList();
    }

    /** A consumer double that knows the partitions of every topic. */
    @SuppressWarnings("unchecked")
    static org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer() {
        org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer =
                mock(org.apache.kafka.clients.consumer.Consumer.class);
        when(consumer.partitionsFor(anyString(), any(java.time.Duration.class)))
                .thenAnswer(call -> partitions(call.getArgument(0)));
        return consumer;
    }

    List<ProducerRecord<String, byte[]>> on(String topic) {
        return sent.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    static String text(ProducerRecord<String, byte[]> record, String header) {
        var h = record.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static ConsumerRecord<String, byte[]> image(long offset, UUID taskId, String imageId) {
        var envelope = EventEnvelope.of(Topics.IMAGE_SUBMITTED_NAME, taskId, "tenant-a", imageId, "h",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                new ImageSubmitted(imageId, "image/png", 10, 20, 30, null, new byte[30]));
        return new ConsumerRecord<>(Topics.IMAGE_SUBMITTED_NAME, 2, offset, imageId, Topics.IMAGE_SUBMITTED.encode(envelope));
    }

    static ConsumerRecord<String, byte[]> raw(String topic, long offset, String key, String value) {
        return new ConsumerRecord<>(topic, 2, offset, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
