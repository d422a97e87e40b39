package com.talentpipeline.core.kafka.consume;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The one header set of a dead letter, whoever writes it ({@link DeadLetters} or the error handler's
 * recoverer). Every name starts with {@link #PREFIX}; the names spring-kafka defines are spring-kafka's
 * ({@code kafka_dlt-original-topic}, ...), so tools that know those keep working. The replay tool strips
 * every header with the prefix and sends the record back to {@link #ORIGINAL_TOPIC}.
 */
public final class DeadLetterHeaders {

    /** Prefix of every dead-letter header. */
    public static final String PREFIX = "kafka_dlt-";
    /** Topic the record was read from. */
    public static final String ORIGINAL_TOPIC = KafkaHeaders.DLT_ORIGINAL_TOPIC;
    /** Its partition (decimal). */
    public static final String ORIGINAL_PARTITION = KafkaHeaders.DLT_ORIGINAL_PARTITION;
    /** Its offset (decimal). */
    public static final String ORIGINAL_OFFSET = KafkaHeaders.DLT_ORIGINAL_OFFSET;
    /** Its key (absent for a record without key). */
    public static final String ORIGINAL_KEY = PREFIX + "original-key";
    /** Class name of the exception that made the record fail. */
    public static final String EXCEPTION_CLASS = KafkaHeaders.DLT_EXCEPTION_FQCN;
    /** Its message (at most {@value #MAX_MESSAGE} characters). */
    public static final String EXCEPTION_MESSAGE = KafkaHeaders.DLT_EXCEPTION_MESSAGE;
    /** The service ({@code spring.application.name}) that dead-lettered it. */
    public static final String SERVICE = PREFIX + "service";
    /** The task the record names, when its bytes still name one. */
    public static final String TASK_ID = PREFIX + "task-id";
    /** The tenant the record names, when its bytes still name one. */
    public static final String TENANT = PREFIX + "tenant";
    /** When it was dead-lettered (ISO-8601 instant). */
    public static final String DEAD_LETTERED_AT = PREFIX + "dead-lettered-at";

    static final int MAX_MESSAGE = 1000;

    private DeadLetterHeaders() {
    }

    /** True for the headers of this set (the ones a replay strips). */
    public static boolean isDeadLetterHeader(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    /**
     * The headers describing why {@code record} is dead-lettered.
     *
     * @param record  the failed record (its value is probed for a task id and tenant when it is bytes)
     * @param failure what failed (a listener's wrapper is unwrapped to its cause)
     * @param service the dead-lettering service
     * @param at      now
     */
    public static Headers of(ConsumerRecord<?, ?> record, Throwable failure, String service, Instant at) {
        Throwable cause = unwrap(failure);
        RecordHeaders headers = new RecordHeaders();
        add(headers, ORIGINAL_TOPIC, record.topic());
        add(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        if (record.key() != null) {
            add(headers, ORIGINAL_KEY, String.valueOf(record.key()));
        }
        add(headers, EXCEPTION_CLASS, cause == null ? "unknown" : cause.getClass().getName());
        add(headers, EXCEPTION_MESSAGE, message(cause));
        add(headers, SERVICE, service);
        EnvelopeProbe probe = record.value() instanceof byte[] bytes ? EnvelopeProbe.of(bytes) : EnvelopeProbe.NONE;
        if (probe.taskId() != null) {
            add(headers, TASK_ID, probe.taskId().toString());
        }
        if (probe.tenantId() != null) {
            add(headers, TENANT, probe.tenantId());
        }
        add(headers, DEAD_LETTERED_AT, at.toString());
        return headers;
    }

    /** A header's value as text, or null when absent. */
    public static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The task id header of a dead letter, or null. */
    public static UUID taskId(Headers headers) {
        String text = text(headers, TASK_ID);
        return text == null ? null : UUID.fromString(text);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The message without control characters, at most {@value #MAX_MESSAGE} characters. */
    static String message(Throwable cause) {
        String text = cause == null ? "" : String.valueOf(cause.getMessage()).replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
