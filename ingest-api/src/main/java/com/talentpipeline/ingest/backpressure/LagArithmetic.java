package com.talentpipeline.ingest.backpressure;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The lag of one consumer group on one topic from end, start and committed offsets. */
final class LagArithmetic {

    private LagArithmetic() {
    }

    /**
     * Records of {@code topic} the group has not consumed yet, summed over partitions, or -1 when
     * the group has no committed offset on the topic (it does not consume it, or never did).
     * A partition without a committed offset counts from its earliest offset.
     */
    static long lag(String topic, Map<TopicPartition, Long> end, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> committed) {
        boolean consumes = false;
        for (TopicPartition tp : committed.keySet()) {
            consumes |= tp.topic().equals(topic);
        }
        if (!consumes) {
            return -1;
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (!e.getKey().topic().equals(topic)) {
                continue;
            }
            Long position = committed.get(e.getKey());
            if (position == null) {
                position = start.getOrDefault(e.getKey(), 0L);
            }
            lag += Math.max(0, e.getValue() - position);
        }
        return lag;
    }
}
