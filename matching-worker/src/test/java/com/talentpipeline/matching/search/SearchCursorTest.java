package com.talentpipeline.matching.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.web.ApiProblemException;
import org.junit.jupiter.api.Test;

/** Cursors round-trip and are bound to their query, filters and tenant. */
class SearchCursorTest {

    @Test
    void roundTripsAndRefusesAnotherQueryOrTenant() {
        String fp = SearchCursor.fingerprint("acme", "java", null, true);
        String cursor = SearchCursor.encode(40, fp);
        assertThat(SearchCursor.decode(cursor, fp)).isEqualTo(40);
        assertThat(SearchCursor.decode(null, fp)).isZero();
        assertThatThrownBy(() -> SearchCursor.decode(cursor, SearchCursor.fingerprint("acme", "nurse", null, true)))
                .isInstanceOf(ApiProblemException.class).extracting(e -> ((ApiProblemException) e).code()).isEqualTo("invalid_cursor");
        assertThatThrownBy(() -> SearchCursor.decode(cursor, SearchCursor.fingerprint("globex", "java", null, true)))
                .isInstanceOf(ApiProblemException.class);
        assertThatThrownBy(() -> SearchCursor.decode("%%%", fp)).isInstanceOf(ApiProblemException.class);
    }

    @Test
    void offsetsOutOfRangeOrNotCanonicalAreRefused() {
        String fp = SearchCursor.fingerprint("acme", "java", null, true);
        for (String offset : new String[] {"-1", "+5", "05", " 5", "", "2147483648", "99999999999",
                String.valueOf(SearchCursor.MAX_OFFSET + 1)}) {
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("v1:" + offset + ":" + fp).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThatThrownBy(() -> SearchCursor.decode(cursor, fp)).as(offset)
                    .isInstanceOf(ApiProblemException.class).extracting(e -> ((ApiProblemException) e).code())
                    .isEqualTo("invalid_cursor");
        }
        assertThat(SearchCursor.decode(SearchCursor.encode(SearchCursor.MAX_OFFSET, fp), fp))
                .isEqualTo(SearchCursor.MAX_OFFSET);
    }
}
