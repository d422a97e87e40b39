package com.talentpipeline.ingest.door;

import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;

/**
 * Follows the compacted {@code model.registry} topic (one partition) from its first offset on every start,
 * as the results API does for {@code /v1/models}: each ingest instance knows which versions the live
 * workers compute with. Its own group keeps offset commits apart; an unreadable record is skipped (the
 * next announcement replaces it).
 */
public class WorkerVersionsListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerVersionsListener.class);

    private final WorkerVersions versions;

    public WorkerVersionsListener(WorkerVersions versions) {
        this.versions = versions;
    }

    @KafkaListener(id = "ingest-model-registry", groupId = "ingest-api-model-registry", batch = "true",
            autoStartup = "${pipeline.ingest.door.enabled:true}",
            properties = {"key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "auto.offset.reset=earliest"},
            topicPartitions = @TopicPartition(topic = Topics.MODEL_REGISTRY_NAME,
                    partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    public void onAnnouncements(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            try {
                versions.apply(record.key(), record.value() == null ? null
                        : Topics.MODEL_REGISTRY.decode(record.value()).payload());
            } catch (RuntimeException e) {
                log.warn("unreadable model announcement {}@{} skipped: {}", record.key(), record.offset(), e.toString());
            }
        }
    }
}
