package com.talentpipeline.core.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Collects field problems of one request and throws them as one 400 (or 413) problem+json. */
public final class FieldProblems {

    private final List<FieldProblem> fields = new ArrayList<>();

    /** Adds a problem with one field. */
    public void add(String field, String message) {
        fields.add(new FieldProblem(field, message));
    }

    /** Whether no problem was added. */
    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Throws 400 {@code validation_failed} naming every field, if any problem was added. */
    public void throwIfAny(String what) {
        if (!fields.isEmpty()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                    what + " is invalid: " + fields.get(0).field() + " " + fields.get(0).message(), fields, null);
        }
    }

    /** 413 {@code payload_too_large} for a field over its limit. */
    public static ApiProblemException tooLarge(String field, String message) {
        return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", field + " " + message,
                List.of(new FieldProblem(field, message)), null);
    }
}
