package com.talentpipeline.matching.candidates;

import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.Cursors;
import com.talentpipeline.core.web.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The opaque cursor of a candidates page: base64url of {@code c1|<offset>|<scope>|<check>}, the offset of
 * the next resume in the ranked list, the {@link Cursors#scope} of the tenant, job and filters it was
 * issued for, and a check digest of both so an edited offset is noticed. An offset rather than a keyset
 * because the list is a ranking recomputed per request (the top-k is sized by the depth). A cursor
 * tampered with or replayed for another tenant, job or filter is 400 {@code invalid_cursor}. The check is
 * an integrity check, not a secret: the tenant always comes from the API key, never from the cursor.
 */
public final class CandidateCursor {

    private static final String VERSION = "c1";

    private CandidateCursor() {
    }

    /** The scope of one job's candidates under these filters. */
    public static String scope(String tenant, String jobId, CandidateFilter filter) {
        return Cursors.scope(tenant, "job-candidates", jobId, filter.minScore(), filter.location(), filter.remote());
    }

    public static String encode(int offset, String scope) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + "|" + offset + "|" + scope + "|" + check(offset, scope)).getBytes(StandardCharsets.UTF_8));
    }

    private static String check(int offset, String scope) {
        return ContentHash.sha256Hex((VERSION + "|" + offset + "|" + scope).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /** The offset a cursor points to; 0 for none; 400 for one not issued for {@code scope} within {@code maxOffset}. */
    public static int decode(String cursor, String scope, int maxOffset) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", -1);
            // Canonical digits only ("+5", "-1", "05" were never issued), and never past the deepest page.
            if (parts.length == 4 && parts[0].equals(VERSION) && parts[2].equals(scope)
                    && parts[1].matches("[1-9][0-9]{0,8}")) {
                int offset = Integer.parseInt(parts[1]);
                if (offset < maxOffset && parts[3].equals(check(offset, scope))) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor",
                "The cursor is not one this API issued for this listing", List.of(new FieldProblem("cursor", "is not valid")),
                null);
    }
}
