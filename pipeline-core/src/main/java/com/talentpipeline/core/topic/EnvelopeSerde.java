package com.talentpipeline.core.topic;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.json.PipelineJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * JSON serde for {@code EventEnvelope<V>} with the payload type bound, so consumers get typed
 * payloads rather than maps.
 *
 * @param <V> payload type
 */
final class EnvelopeSerde<V> implements Serde<EventEnvelope<V>> {

    private final JavaType type;

    EnvelopeSerde(Class<V> payloadType) {
        this.type = PipelineJson.mapper().getTypeFactory()
                .constructParametricType(EventEnvelope.class, payloadType);
    }

    /** Serialises an envelope to UTF-8 JSON bytes. */
    public byte[] toBytes(EventEnvelope<V> envelope) {
        if (envelope == null) {
            return null; // a tombstone on compacted topics
        }
        try {
            return PipelineJson.mapper().writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            throw new SerializationException("cannot serialise " + envelope.type(), e);
        }
    }

    /** Parses bytes; a malformed record raises {@link SerializationException} so callers can dead-letter it. */
    public EventEnvelope<V> fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            EventEnvelope<V> envelope = PipelineJson.mapper().readValue(bytes, type);
            if (envelope == null || envelope.payload() == null) {
                throw new SerializationException("event has no payload");
            }
            return envelope;
        } catch (JacksonException e) {
            throw new SerializationException("malformed event: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Serializer<EventEnvelope<V>> serializer() {
        return (topic, data) -> toBytes(data);
    }

    @Override
    public Deserializer<EventEnvelope<V>> deserializer() {
        return (topic, data) -> fromBytes(data);
    }
}
