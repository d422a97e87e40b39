package com.talentpipeline.matching.search;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The opaque cursor of a search page: the offset of the next result in the ranked list, bound to the
 * query and filters it was issued for (a cursor replayed with another query is refused, 400).
 */
public final class SearchCursor {

    /** Beyond any ranked list a search returns; a larger offset was not issued by this API. */
    static final int MAX_OFFSET = 100_000;

    private SearchCursor() {
    }

    /** The fingerprint of a query and its filters. */
    public static String fingerprint(String tenant, String query, String location, Boolean remote) {
        return ContentHash.ofText(tenant + "|" + query + "|" + location + "|" + remote).substring(0, 16);
    }

    public static String encode(int offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a cursor points to; 0 for none; 400 {@code invalid_cursor} for a foreign or broken one. */
    public static int decode(String cursor, String fingerprint) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split(":");
            // Canonical digits only ("+5", "-1", "05" were never issued) and at most MAX_OFFSET.
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(fingerprint)
                    && parts[1].matches("0|[1-9][0-9]{0,8}")) {
                int offset = Integer.parseInt(parts[1]);
                if (offset <= MAX_OFFSET) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor does not belong to this query", List.of(new FieldProblem("cursor", "is not a cursor of this query")), null);
    }
}
