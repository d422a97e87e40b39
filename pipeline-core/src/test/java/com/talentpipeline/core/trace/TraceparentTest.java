package com.talentpipeline.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TraceparentTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void keepsAValidClientTraceparentAndReplacesAbsentOrMalformedOnes() {
        assertThat(Traceparent.orNewRoot(VALID)).isEqualTo(VALID);
        assertThat(Traceparent.orNewRoot(VALID.toUpperCase().replace("00-", "00-"))).isEqualTo(VALID);
        assertThat(Traceparent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        for (String bad : new String[] {null, "", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}) {
            String root = Traceparent.orNewRoot(bad);
            assertThat(Traceparent.isValid(root)).as(String.valueOf(bad)).isTrue();
            assertThat(root).isNotEqualTo(bad).endsWith("-01");
        }
        assertThat(Traceparent.newRoot()).isNotEqualTo(Traceparent.newRoot());
    }

    @Test
    void travelsAsOneKafkaHeader() {
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "k", "v");
        Traceparent.attach(record, Traceparent.newRoot());
        Traceparent.attach(record, VALID);
        assertThat(record.headers().headers(Traceparent.HEADER)).hasSize(1);
        assertThat(Traceparent.from(record.headers())).isEqualTo(VALID);
        Traceparent.attach(record, "not-a-traceparent");
        assertThat(Traceparent.from(record.headers())).isEqualTo(VALID);
    }

    @Test
    void withoutTracingTheWorkRunsAndTheFallbackIsUsed() {
        TaskTracing tracing = TaskTracing.noop();
        assertThat(tracing.inTrace(VALID, "x", () -> 42)).isEqualTo(42);
        assertThat(tracing.currentOr(VALID)).isEqualTo(VALID);
    }
}
