package com.talentpipeline.core.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Opaque cursors of keyset pagination over (created_at, id), newest first: base64url of
 * {@code <epoch micros>|<id>}. Clients pass {@code nextCursor} back unchanged; a tampered cursor is
 * 400 {@code invalid_cursor}.
 */
public final class Cursors {

    private Cursors() {
    }

    /**
     * A decoded position.
     *
     * @param createdAt the last row's creation time
     * @param id        the last row's id
     */
    public record Position(OffsetDateTime createdAt, String id) {
    }

    /** The cursor after a row. */
    public static String encode(Instant createdAt, String id) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor; null for none. */
    public static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            long micros = Long.parseLong(text.substring(0, bar));
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            return new Position(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not one this API issued",
                    List.of(new FieldProblem("cursor", "is not valid")), null);
        }
    }

    /** A page size within [1, max], default when null. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter", "limit must be 1 to " + max,
                    List.of(new FieldProblem("limit", "must be between 1 and " + max)), null);
        }
        return requested;
    }
}
