package com.talentpipeline.core.trace;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C Trace Context {@code traceparent} values ({@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex
 * flags>}) and the Kafka record header that carries them.
 */
public final class Traceparent {

    /** Name of the HTTP and Kafka header. */
    public static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {
    }

    /** @return whether {@code value} is a well-formed version-00 traceparent */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** @return the trace id (32 hex) of a valid traceparent, or {@code null} */
    public static String traceId(String value) {
        return isValid(value) ? value.substring(3, 35) : null;
    }

    /** @return a new sampled root traceparent (fresh trace id and parent id) */
    public static String newRoot() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /**
     * @param value a traceparent from a client, possibly absent or malformed
     * @return {@code value} lower-cased when valid, a new root otherwise: every task has a trace
     */
    public static String orNewRoot(String value) {
        String lower = value == null ? null : value.trim().toLowerCase(Locale.ROOT);
        return isValid(lower) ? lower : newRoot();
    }

    /** Sets the {@value #HEADER} header of an outgoing record (replacing any earlier one). */
    public static <K, V> ProducerRecord<K, V> attach(ProducerRecord<K, V> record, String traceparent) {
        if (isValid(traceparent)) {
            record.headers().remove(HEADER);
            record.headers().add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** @return the {@value #HEADER} header of a record, or {@code null} */
    public static String from(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        b[0] |= 1; // never all zeros (invalid per W3C)
        return HexFormat.of().formatHex(b);
    }
}
