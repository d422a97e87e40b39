package com.talentpipeline.localstack.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.kafka.consume.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterReplayTest {

    @Test
    void argumentsNameTheOriginalTopicAndTheStart() {
        var options = DeadLetterReplay.parse(new String[] {"resume.submitted.DLT", "--from-offset", "5", "--dry-run"});
        assertThat(options.topic()).isEqualTo("resume.submitted");
        assertThat(options.fromOffset()).isEqualTo(5L);
        assertThat(options.dryRun()).isTrue();
        assertThat(options.group()).isEqualTo("dlt-replay.resume.submitted");
        assertThatThrownBy(() -> DeadLetterReplay.parse(new String[] {"t", "--from-offset", "1", "--from-time",
                "2026-01-01T00:00:00Z"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeadLetterReplay.parse(new String[] {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReplayDropsTheErrorHeadersAndGetsADeterministicTaskIdOfItsOwn() {
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("job.submitted.DLT", 2, 7L,
                "job-1".getBytes(StandardCharsets.UTF_8),
                "{\"taskId\":\"11111111-1111-1111-1111-111111111111\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8));
        letter.headers().add("kafka_dlt-original-topic", "job.submitted".getBytes(StandardCharsets.UTF_8));
        letter.headers().add("kafka_dlt-exception-message", "boom".getBytes(StandardCharsets.UTF_8));
        letter.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetterReplay.originalTopic(letter, "x")).isEqualTo("job.submitted");
        ProducerRecord<byte[], byte[]> replay = DeadLetterReplay.replayOf(letter, "job.submitted", false);
        assertThat(replay.topic()).isEqualTo("job.submitted");
        assertThat(replay.key()).isEqualTo(letter.key());
        assertThat(replay.headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(replay.headers().lastHeader("traceparent")).isNotNull();
        assertThat(new String(replay.headers().lastHeader(DeadLetterReplay.REPLAYED_FROM_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("job.submitted.DLT-2@7");
        String taskId = DeadLetterReplay.taskIdOf(replay.value());
        assertThat(taskId).isNotEqualTo("11111111-1111-1111-1111-111111111111")
                .isEqualTo(DeadLetterReplay.taskIdOf(DeadLetterReplay.replayOf(letter, "job.submitted", false).value()));
        assertThat(DeadLetterReplay.replayOf(letter, "job.submitted", true).value()).isEqualTo(letter.value());

        ConsumerRecord<byte[], byte[]> garbage = new ConsumerRecord<>("job.submitted.DLT", 0, 1L, null,
                "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetterReplay.replayOf(garbage, "job.submitted", false).value()).isEqualTo(garbage.value());
        assertThat(DeadLetterReplay.originalTopic(garbage, "job.submitted")).isEqualTo("job.submitted");
    }

    @Test
    void aReplayDropsEveryHeaderOfTheKitsDeadLetterSet() {
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>("resume.submitted", 3, 12L, "r-1",
                "{\"taskId\":\"22222222-2222-2222-2222-222222222222\",\"tenantId\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> letter = new ConsumerRecord<>("resume.submitted.DLT", 3, 4L,
                "r-1".getBytes(StandardCharsets.UTF_8), original.value());
        DeadLetterHeaders.of(original, new IllegalStateException("model failed"), "embedding-worker", Instant.now())
                .forEach(letter.headers()::add);
        letter.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));

        assertThat(letter.headers().toArray()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(DeadLetterReplay.originalTopic(letter, "x")).isEqualTo("resume.submitted");
        ProducerRecord<byte[], byte[]> replay = DeadLetterReplay.replayOf(letter, "resume.submitted", false);
        assertThat(replay.headers().toArray()).extracting(h -> h.key())
                .containsExactlyInAnyOrder("traceparent", DeadLetterReplay.REPLAY_OF_TASK_HEADER,
                        DeadLetterReplay.REPLAYED_FROM_HEADER);
    }
}
