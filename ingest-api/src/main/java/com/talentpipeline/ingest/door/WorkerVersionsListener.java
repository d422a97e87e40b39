package com.talentpipeline.ingest.door;

import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;

/**
 * Follows the compacted {@code model.registry} topic (one partition) from its first offset on every start,
 * as the results API does for {@code /v1/models}: each ingest instance knows which versions the live
 * workers compute with. Its own group keeps offset commits apart; an unreadable record is skipped (the
 * next announcement replaces it).
 */
class WorkerVersionsListener {

    private final TypedListener<WorkerModels> listener;

    /**
     * @param versions where announcements go
     * @param kit      decodes them (an unreadable one is skipped and counted: the topic's policy)
     */
    public WorkerVersionsListener(WorkerVersions versions, ConsumeKit kit) {
        this.listener = kit.latestPerKey(Topics.MODEL_REGISTRY, versions::apply);
    }

    @KafkaListener(id = "ingest-model-registry", groupId = "ingest-api-model-registry", batch = "true",
            autoStartup = "${pipeline.ingest.door.enabled:true}",
            properties = {"key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                    "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                    "auto.offset.reset=earliest"},
            topicPartitions = @TopicPartition(topic = Topics.MODEL_REGISTRY_NAME,
                    partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")))
    public void onAnnouncements(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        listener.onBatch(records);
    }
}
