package com.talentpipeline.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cursors round-trip to the microsecond and reject what this API did not issue. */
class CursorsTest {

    @Test
    void roundTrip() {
        Instant at = Instant.parse("2026-11-24T05:00:00.123456Z");
        Cursors.Position position = Cursors.decode(Cursors.encode(at, "a|b-id"));
        assertThat(position.createdAt().toInstant()).isEqualTo(at);
        assertThat(position.id()).isEqualTo("a|b-id");
        assertThat(Cursors.decode(null)).isNull();
        assertThat(Cursors.decode(" ")).isNull();
    }

    @Test
    void tamperedCursorsAndBadLimitsAre400() {
        assertThatThrownBy(() -> Cursors.decode("not-a-cursor"))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
        assertThat(Cursors.limit(null, 20, 100)).isEqualTo(20);
        assertThatThrownBy(() -> Cursors.limit(0, 20, 100)).isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> Cursors.limit(101, 20, 100)).isInstanceOf(ApiProblemException.class);
    }
}
