package com.talentpipeline.core.kafka.reply;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Headers of a request record: where to reply and what to reply to. The correlation id is also the
 * envelope's task id; the header lets a worker reply without decoding a body it cannot read.
 */
public final class ReplyHeaders {

    /** The topic the reply goes to. */
    public static final String REPLY_TOPIC = "pipeline_reply_topic";
    /** The request's correlation id (its task id). */
    public static final String CORRELATION_ID = "pipeline_correlation_id";

    private ReplyHeaders() {
    }

    /** Adds both headers. */
    public static void attach(Headers headers, String replyTopic, UUID correlationId) {
        headers.add(REPLY_TOPIC, replyTopic.getBytes(StandardCharsets.UTF_8));
        headers.add(CORRELATION_ID, correlationId.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The reply topic, or null for a request nobody waits on. */
    public static String replyTopic(Headers headers) {
        return text(headers, REPLY_TOPIC);
    }

    /** The correlation id, or null when absent or not a UUID. */
    public static UUID correlationId(Headers headers) {
        String value = text(headers, CORRELATION_ID);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
