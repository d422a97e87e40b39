package com.talentpipeline.core.web;

/**
 * One invalid input field.
 *
 * @param field   JSON path of the field, e.g. {@code workExperience[0].startDate}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}
