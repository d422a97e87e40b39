package com.talentpipeline.core.web;

import com.talentpipeline.core.hash.ContentHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Opaque cursors of keyset pagination over (created_at, id), newest first: base64url of
 * {@code v2|<epoch micros>|<scope>|<id>}, where the scope is a fingerprint of the tenant, the listing
 * and its filters. Clients pass {@code nextCursor} back unchanged; a cursor that is tampered with, out
 * of range (negative or far-future time, empty or control-character id) or replayed against another
 * tenant, listing or filter is 400 {@code invalid_cursor}.
 */
public final class Cursors {

    private static final String VERSION = "v2";
    /** 9999-12-31T23:59:59Z: later than any row, earlier than PostgreSQL's and Java's limits. */
    private static final long MAX_MICROS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() * 1_000_000L;
    private static final Pattern MICROS = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern SCOPE = Pattern.compile("[0-9a-f]{16}");
    private static final int MAX_ID = 256;

    private Cursors() {
    }

    /**
     * A decoded position.
     *
     * @param createdAt the last row's creation time
     * @param id        the last row's id
     */
    public record Position(OffsetDateTime createdAt, String id) {

        /** The id as a UUID, for listings keyed by one; 400 {@code invalid_cursor} when it is not. */
        public UUID uuid() {
            try {
                UUID uuid = UUID.fromString(id);
                if (!uuid.toString().equalsIgnoreCase(id)) {
                    throw invalid(); // UUID.fromString accepts short groups such as 1-1-1-1-1
                }
                return uuid;
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }
    }

    /** The scope of a listing: the tenant, the listing's name and every filter that shapes its rows. */
    public static String scope(String tenant, String listing, Object... filters) {
        StringBuilder text = new StringBuilder(tenant).append('\u001f').append(listing);
        for (Object filter : filters) {
            text.append('\u001f').append(filter);
        }
        // Exact bytes, not ContentHash.ofText: its normalisation would make filters that differ in case equal.
        return ContentHash.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The cursor after a row of the listing with this {@link #scope}. */
    public static String encode(Instant createdAt, String id, String scope) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (VERSION + "|" + micros + "|" + scope + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor issued for this {@link #scope}; null for none; 400 for anything else. */
    public static Position decode(String cursor, String scope) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals(VERSION) || !MICROS.matcher(parts[1]).matches()
                || !SCOPE.matcher(parts[2]).matches() || !parts[2].equals(scope) || !validId(parts[3])) {
            throw invalid();
        }
        long micros = Long.parseLong(parts[1]);
        if (micros > MAX_MICROS) {
            throw invalid();
        }
        Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        return new Position(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), parts[3]);
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

    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID || id.contains("\uFFFD")) {
            return false; // U+FFFD: the bytes were not UTF-8
        }
        return id.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static ApiProblemException invalid() {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor is not one this API issued for this listing",
                List.of(new FieldProblem("cursor", "is not valid")), null);
    }
}
