package com.talentpipeline.ingest.ask;

import com.talentpipeline.core.career.CareerRequested;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of a request's career labels ({@code labels[]} of a prediction or a stored taxonomy), made at
 * the front door before anything is published: at least 2, at most {@code max-labels}, unique names, bounded
 * descriptions and examples. One place for both endpoints.
 */
final class CareerLabels {

    private CareerLabels() {
    }

    static void validate(List<CareerRequested.Label> labels, AskProperties.Career settings, Problems problems) {
        if (labels.size() < 2) {
            problems.add("labels", "give at least 2 labels");
        }
        if (labels.size() > settings.maxLabels()) {
            throw Problems.tooLarge("labels", "at most " + settings.maxLabels() + " labels");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            CareerRequested.Label l = labels.get(i);
            String at = "labels[" + i + "]";
            if (l == null || l.label() == null || l.label().isBlank()) {
                problems.add(at + ".label", "must not be blank");
                continue;
            }
            if (l.label().length() > 200) {
                problems.add(at + ".label", "must be at most 200 characters");
            }
            if (!seen.add(l.label().strip().toLowerCase(Locale.ROOT))) {
                problems.add(at + ".label", "is a duplicate");
            }
            if (l.description() != null && l.description().length() > 2_000) {
                problems.add(at + ".description", "must be at most 2000 characters");
            }
            if (l.examples() != null) {
                if (l.examples().size() > settings.maxExamples()) {
                    throw Problems.tooLarge(at + ".examples", "at most " + settings.maxExamples() + " examples");
                }
                for (int k = 0; k < l.examples().size(); k++) {
                    String e = l.examples().get(k);
                    if (e == null || e.isBlank()) {
                        problems.add(at + ".examples[" + k + "]", "must not be blank");
                    } else if (e.length() > settings.maxTextChars()) {
                        throw Problems.tooLarge(at + ".examples[" + k + "]",
                                "must be at most " + settings.maxTextChars() + " characters");
                    }
                }
            }
        }
    }
}
