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
}
