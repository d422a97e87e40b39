package com.talentpipeline.results.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The listing's cursor: a round trip keeps the position to the microsecond; anything else is 400 invalid_cursor. */
class PredictionCursorTest {

    @Test
    void roundTrip() {
        Instant at = Instant.parse("2026-12-07T10:15:30.123456Z");
        UUID id = UUID.randomUUID();
        String scope = PredictionCursor.scope("t", null, null);
        PredictionCursor cursor = PredictionCursor.decode(PredictionCursor.after(at, id, scope), scope);
        assertThat(cursor.createdAt().toInstant()).isEqualTo(at);
        assertThat(cursor.taskId()).isEqualTo(id);
        assertThat(PredictionCursor.decode(null, scope)).isNull();
        assertThat(PredictionCursor.decode(" ", scope)).isNull();
    }

    @Test
    void tamperedCursorsAreInvalid() {
        String scope = PredictionCursor.scope("t", null, null);
        String good = PredictionCursor.after(Instant.now(), UUID.randomUUID(), scope);
        String notAUuid = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1733565330123456|r-1".getBytes(StandardCharsets.UTF_8));
        String noTime = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("soon|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String otherTenant = PredictionCursor.after(Instant.now(), UUID.randomUUID(), PredictionCursor.scope("u", null, null));
        for (String bad : new String[] {"not-a-cursor!", notAUuid, noTime, good.substring(0, good.length() / 2) + "%%",
                otherTenant}) {
            assertThatThrownBy(() -> PredictionCursor.decode(bad, scope)).as(bad)
                    .isInstanceOfSatisfying(ApiProblemException.class, p -> {
                        assertThat(p.code()).isEqualTo("invalid_cursor");
                        assertThat(p.status().value()).isEqualTo(400);
                    });
        }
    }
}
