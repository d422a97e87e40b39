package com.talentpipeline.results.model;

import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Reads {@code model.registry} (one partition, see {@code Topics.MODEL_REGISTRY}) from its first
 * offset on every start (assigned partition, no group rebalancing): every results API instance
 * builds the full registry itself. An unreadable record is logged and skipped; the registry is
 * informational and the next announcement replaces it.
 */
@Component
public class ModelRegistryListener {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistryListener.class);

    private final ModelRegistry registry;

    /** @param registry where announcements go */
    public ModelRegistryListener(ModelRegistry registry) {
        this.registry = registry;
    }

    /**
     * Applies a batch of announcements and tombstones in offset order. The partition is assigned, not
     * subscribed, and always read from offset 0; its own group keeps its offset commits away from the
     * task-events consumers of group results-api, whose coordinator would reject them.
     */
    @KafkaListener(id = "model-registry", groupId = "results-api-model-registry", batch = "true",
            topicPartitions = @TopicPartition(
            topic = Topics.MODEL_REGISTRY_NAME, partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    public void onAnnouncements(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            try {
                registry.apply(record.key(), record.value() == null ? null
                        : Topics.MODEL_REGISTRY.decode(record.value()).payload());
            } catch (RuntimeException e) {
                log.warn("unreadable model announcement {}@{} skipped: {}", record.key(), record.offset(), e.toString());
            }
        }
    }
}
