package com.talentpipeline.results.model;

import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
class ModelRegistryListener {

    private final TypedListener<WorkerModels> listener;

    /**
     * @param registry where announcements go
     * @param kit      decodes them (an unreadable one is skipped and counted: the topic's policy)
     */
    public ModelRegistryListener(ModelRegistry registry, ConsumeKit kit) {
        this.listener = kit.latestPerKey(Topics.MODEL_REGISTRY, registry::apply);
    }

    /**
     * Applies a batch of announcements and tombstones in offset order. The partition is assigned, not
     * subscribed, and always read from offset 0; its own group keeps its offset commits away from the
     * task-events consumers of group results-api, whose coordinator would reject them.
     */
    @KafkaListener(id = "model-registry", groupId = "results-api-model-registry", batch = "true",
            topicPartitions = @TopicPartition(
            topic = Topics.MODEL_REGISTRY_NAME, partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    public void onAnnouncements(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }
}
