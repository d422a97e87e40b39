package com.talentpipeline.ingest.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    private static final TopicPartition R0 = new TopicPartition("resume.submitted", 0);
    private static final TopicPartition R1 = new TopicPartition("resume.submitted", 1);
    private static final TopicPartition J0 = new TopicPartition("job.submitted", 0);

    @Test
    void lagIsEndMinusCommittedSummedOverPartitionsAndUncommittedPartitionsCountFromTheStart() {
        Map<TopicPartition, Long> end = Map.of(R0, 100L, R1, 50L, J0, 7L);
        Map<TopicPartition, Long> start = Map.of(R0, 0L, R1, 10L, J0, 0L);
        assertThat(LagArithmetic.lag("resume.submitted", end, start, Map.of(R0, 90L))).isEqualTo(10 + 40);
        assertThat(LagArithmetic.lag("resume.submitted", end, start, Map.of(R0, 100L, R1, 50L))).isZero();
    }

    @Test
    void aGroupWithoutCommittedOffsetsOnTheTopicDoesNotCount() {
        Map<TopicPartition, Long> end = Map.of(R0, 100L, J0, 7L);
        assertThat(LagArithmetic.lag("job.submitted", end, Map.of(), Map.of(R0, 1L))).isEqualTo(-1);
    }

    @Test
    void pathsMapToTheirTopicByPrefixOnly() {
        var properties = new BackpressureProperties(true, 10, List.of("embedding-worker"), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(5), null);
        assertThat(properties.topicFor("/v1/resumes")).isEqualTo("resume.submitted");
        assertThat(properties.topicFor("/v1/resumes/abc")).isEqualTo("resume.submitted");
        assertThat(properties.topicFor("/v1/jobs")).isEqualTo("job.submitted");
        assertThat(properties.topicFor("/v1/resumesx")).isNull();
        assertThat(properties.topicFor("/actuator/health")).isNull();
    }
}
