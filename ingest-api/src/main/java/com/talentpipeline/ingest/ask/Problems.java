package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.core.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Collects field problems of one request and throws them as one 400 (or 413) problem+json. */
final class Problems {

    private final List<FieldProblem> fields = new ArrayList<>();

    void add(String field, String message) {
        fields.add(new FieldProblem(field, message));
    }

    /** Throws 400 {@code validation_failed} naming every field, if any problem was added. */
    void throwIfAny(String what) {
        if (!fields.isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    what + " is invalid: " + fields.get(0).field() + " " + fields.get(0).message(), fields, null);
        }
    }

    /** 413 {@code payload_too_large} for a field over its limit. */
    static ApiProblemException tooLarge(String field, String message) {
        return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", field + " " + message,
                List.of(new FieldProblem(field, message)), null);
    }
}
