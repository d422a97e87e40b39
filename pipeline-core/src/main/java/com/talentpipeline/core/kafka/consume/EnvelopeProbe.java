package com.talentpipeline.core.kafka.consume;

import com.talentpipeline.core.json.PipelineJson;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The task id and tenant an unreadable record's bytes may still name (an envelope whose payload has the
 * wrong shape is usually still JSON with a {@code taskId}); both null when they do not.
 *
 * @param taskId   the envelope's {@code taskId}, or null
 * @param tenantId the envelope's {@code tenantId}, or null
 */
record EnvelopeProbe(UUID taskId, String tenantId) {

    static final EnvelopeProbe NONE = new EnvelopeProbe(null, null);

    static EnvelopeProbe of(byte[] value) {
        if (value == null) {
            return NONE;
        }
        try {
            JsonNode node = PipelineJson.mapper().readTree(value);
            if (node == null || !node.isObject()) {
                return NONE;
            }
            UUID taskId = node.hasNonNull("taskId") ? parse(node.get("taskId").asString()) : null;
            String tenant = node.hasNonNull("tenantId") ? node.get("tenantId").asString() : null;
            return new EnvelopeProbe(taskId, tenant);
        } catch (RuntimeException notJson) {
            return NONE; // not even JSON: nothing names a task
        }
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
