package com.talentpipeline.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors round-trip to the microsecond and reject what this API did not issue for this listing. */
class CursorsTest {

    private static final String SCOPE = Cursors.scope("acme", "tasks", "RUNNING", null);

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void invalid(String cursor, String scope) {
        assertThatThrownBy(() -> Cursors.decode(cursor, scope)).as(cursor)
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_cursor");
                    assertThat(e.status().value()).isEqualTo(400);
                });
    }

    @Test
    void roundTrip() {
        Instant at = Instant.parse("2026-11-24T05:00:00.123456Z");
        Cursors.Position position = Cursors.decode(Cursors.encode(at, "a|b-id", SCOPE), SCOPE);
        assertThat(position.createdAt().toInstant()).isEqualTo(at);
        assertThat(position.id()).isEqualTo("a|b-id");
        UUID id = UUID.randomUUID();
        assertThat(Cursors.decode(Cursors.encode(at, id.toString(), SCOPE), SCOPE).uuid()).isEqualTo(id);
        assertThat(Cursors.decode(null, SCOPE)).isNull();
        assertThat(Cursors.decode(" ", SCOPE)).isNull();
    }

    @Test
    void tamperedCursorsAndBadLimitsAre400() {
        invalid("not-a-cursor", SCOPE);
        invalid("!!!", SCOPE);
        UUID id = UUID.randomUUID();
        invalid(raw("-1|" + id), SCOPE); // the first format, with a negative time
        invalid(raw("v2|-1|" + SCOPE + "|" + id), SCOPE);
        invalid(raw("v2|+5|" + SCOPE + "|" + id), SCOPE);
        invalid(raw("v2|99999999999999999999|" + SCOPE + "|" + id), SCOPE);
        invalid(raw("v2|" + Long.MAX_VALUE + "|" + SCOPE + "|" + id), SCOPE);
        invalid(raw("v2|1|" + SCOPE + "|"), SCOPE);
        invalid(raw("v2|1|" + SCOPE + "|a\u0000b"), SCOPE);
        invalid(raw("v2|1|" + SCOPE + "|a\u200bb"), SCOPE);
        invalid(raw("v2|1|" + SCOPE + "|" + "x".repeat(300)), SCOPE);
        invalid(raw("v2|1|" + SCOPE), SCOPE);
        invalid(raw("v1|1|" + SCOPE + "|" + id), SCOPE);
        invalid(Base64.getUrlEncoder().encodeToString(new byte[] {'v', '2', '|', '1', '|', (byte) 0xff}), SCOPE);
        assertThatThrownBy(() -> Cursors.decode(raw("v2|1|" + SCOPE + "|not-a-uuid"), SCOPE).uuid())
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
        assertThatThrownBy(() -> Cursors.decode(raw("v2|1|" + SCOPE + "|1-1-1-1-1"), SCOPE).uuid())
                .isInstanceOf(ApiProblemException.class);
        assertThat(Cursors.limit(null, 20, 100)).isEqualTo(20);
        assertThatThrownBy(() -> Cursors.limit(0, 20, 100)).isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> Cursors.limit(101, 20, 100)).isInstanceOf(ApiProblemException.class);
    }

    @Test
    void aCursorIsBoundToItsTenantListingAndFilters() {
        String cursor = Cursors.encode(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID().toString(), SCOPE);
        invalid(cursor, Cursors.scope("other", "tasks", "RUNNING", null));
        invalid(cursor, Cursors.scope("acme", "predictions", "RUNNING", null));
        invalid(cursor, Cursors.scope("acme", "tasks", "FAILED", null));
        assertThat(Cursors.decode(cursor, Cursors.scope("acme", "tasks", "RUNNING", null))).isNotNull();
    }
}
