package com.talentpipeline.results.prediction;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.Cursors;
import com.talentpipeline.core.web.FieldProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The opaque cursor of {@code GET /v1/predictions}: the keyset position (created_at, task id) of the last
 * upload of a page, in the format of {@link Cursors}, bound to the listing's scope (tenant and filters).
 * Anything that does not decode to a time and a UUID, or was issued for another scope, is 400
 * {@code invalid_cursor}.
 *
 * @param createdAt the last upload's acceptance time
 * @param taskId    its task id
 */
record PredictionCursor(OffsetDateTime createdAt, UUID taskId) {

    /** The scope of the listing: the tenant and its filters. */
    static String scope(String tenant, String userId, String resumeId) {
        return Cursors.scope(tenant, "uploads", userId, resumeId);
    }

    /** The cursor after an upload. */
    static String after(Instant createdAt, UUID taskId, String scope) {
        return Cursors.encode(createdAt, taskId.toString(), scope);
    }

    /** The position of a cursor, null for none; 400 {@code invalid_cursor} when it was not issued here. */
    static PredictionCursor decode(String cursor, String scope) {
        Cursors.Position position = Cursors.decode(cursor, scope);
        if (position == null) {
            return null;
        }
        try {
            return new PredictionCursor(position.createdAt(), UUID.fromString(position.id()));
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "invalid_cursor", "The cursor is not one this API issued",
                    List.of(new FieldProblem("cursor", "is not valid")), null);
        }
    }
}
