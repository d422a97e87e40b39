package com.talentpipeline.core.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Checks of query and filter parameters shared by the front door (before it asks a worker) and the worker
 * (which checks what arrives on Kafka again): one wording of each 400 for clients.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A {@code 400 validation_failed} naming the field. */
    public static ApiProblemException invalid(String field, String message) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
                "The request is invalid: " + field + " " + message, List.of(new FieldProblem(field, message)), null);
    }

    /** A non-blank id of at most 200 characters, stripped. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        if (value.length() > 200) {
            throw invalid(field, "must be at most 200 characters");
        }
        return value.strip();
    }

    /** An optional {@code true}/{@code false} (any case); blank is absent. */
    public static Boolean bool(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw invalid(field, "must be true or false");
    }

    /** An optional score between 0 and 100; blank is absent. */
    public static Double score(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double score;
        try {
            score = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a number between 0 and 100");
        }
        if (!(score >= 0 && score <= 100)) { // also refuses NaN
            throw invalid(field, "must be a number between 0 and 100");
        }
        return score;
    }

    /** An optional free-text filter of at most 200 characters, stripped; blank is absent. */
    public static String optionalText(String value, String field) {
        if (value != null && value.length() > 200) {
            throw invalid(field, "must be at most 200 characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
