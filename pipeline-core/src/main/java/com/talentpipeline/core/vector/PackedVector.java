package com.talentpipeline.core.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * A {@code float[]} as the base64 of its little-endian IEEE-754 float32 bytes: exact (bit for bit, unlike
 * a decimal rendering that must be parsed back) and about half the size of a JSON number array (a 384-d
 * vector is 2,048 characters instead of about 4,300). Used, through {@link Serializer} and
 * {@link Deserializer}, on the event fields that carry many vectors; a plain JSON number array is still
 * read, so older records and hand-written fixtures stay readable.
 */
public final class PackedVector {

    private PackedVector() {
    }

    /** The base64 text of a vector. */
    public static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The vector of a base64 text written by {@link #encode}. */
    public static float[] decode(String text) {
        byte[] raw = Base64.getDecoder().decode(text);
        if (raw.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a packed vector has a multiple of 4 bytes, not " + raw.length);
        }
        float[] vector = new float[raw.length / Float.BYTES];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** Writes a {@code float[]} as its packed text. */
    public static final class Serializer extends ValueSerializer<float[]> {
        @Override
        public void serialize(float[] value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(encode(value));
        }
    }

    /** Reads a packed text, or a plain JSON number array, as a {@code float[]}. */
    public static final class Deserializer extends ValueDeserializer<float[]> {
        @Override
        public float[] deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return decode(parser.getString());
                } catch (IllegalArgumentException e) {
                    return context.reportInputMismatch(float[].class, "not a packed vector: %s", e.getMessage());
                }
            }
            return context.readValue(parser, float[].class);
        }
    }
}
