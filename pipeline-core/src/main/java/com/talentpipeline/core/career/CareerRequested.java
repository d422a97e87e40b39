package com.talentpipeline.core.career;

import java.util.List;
import java.util.Map;

/**
 * Payload of {@code career.requested}: predict career paths ({@code POST /v1/career-paths/predict}), for
 * exactly one of a stored resume, a text or a student, against the built-in taxonomy, the caller's own
 * labels or a stored taxonomy. The front door validated the shape and the limits; the scoring worker
 * refuses what only it can know (an unknown taxonomy, a resume not embedded yet). Key = resume id, or
 * the task id for a text or a student.
 *
 * @param resumeId   a resume of the caller's
 * @param text       a resume's text
 * @param student    the student variant
 * @param labels     the caller's own labels
 * @param taxonomyId a stored taxonomy of the caller's, or {@code builtin}
 * @param topK       how many career paths, or null for the worker's default
 */
public record CareerRequested(String resumeId, String text, Student student, List<Label> labels, String taxonomyId,
        Integer topK) {

    /**
     * @param label       the label
     * @param description what it means, optional
     * @param examples    labelled example resume texts (few-shot), optional
     */
    public record Label(String label, String description, List<String> examples) {
    }

    /**
     * @param grades    grade per subject, 0-100
     * @param interests free-text interests
     */
    public record Student(Map<String, Integer> grades, List<String> interests) {
    }
}
