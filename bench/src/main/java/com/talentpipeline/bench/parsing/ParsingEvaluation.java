package com.talentpipeline.bench.parsing;

import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.ingest.document.ParsedResume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs the parser over the annotated resumes and the categorised ones and sums, per field, what it
 * predicted against what was annotated ({@link FieldMatch} says how values are compared).
 * Precision of a field counts only documents where that field was annotated at all: the annotators
 * left whole fields out of some resumes (a designation in 111 of 120, a graduation year in 69), and a
 * value found there cannot be judged.
 */
public final class ParsingEvaluation {

    /** The fields, their annotation label and matching rule, in report order. */
    public enum Field {
        NAME("Name", FieldMatch.Rule.EXACT),
        EMAIL("Email Address", FieldMatch.Rule.LINK),
        DESIGNATION("Designation", FieldMatch.Rule.TOKENS),
        COMPANIES("Companies worked at", FieldMatch.Rule.COMPANY),
        SKILLS("Skills", FieldMatch.Rule.TOKENS),
        COLLEGE("College Name", FieldMatch.Rule.TOKENS),
        DEGREE("Degree", FieldMatch.Rule.TOKENS),
        GRADUATION_YEAR("Graduation Year", FieldMatch.Rule.EXACT),
        LOCATION("Location", FieldMatch.Rule.TOKENS);

        final String label;
        final FieldMatch.Rule rule;

        Field(String label, FieldMatch.Rule rule) {
            this.label = label;
            this.rule = rule;
        }

        public String label() {
            return label;
        }
    }

    /** Summed counts of one field. */
    public static final class Score {
        int matchedPredicted;
        int predicted;
        int matchedGold;
        int gold;

        public double precision() {
            return predicted == 0 ? 0 : (double) matchedPredicted / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) matchedGold / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public int predicted() {
            return predicted;
        }

        public int gold() {
            return gold;
        }
    }

    /** What the evaluation found. */
    public record Result(Map<Field, Score> scores, int documents, int accepted, List<String> rejections,
            int categoryDocuments, int categoryAccepted, int withThreeSkills, int withRole, List<String> misses) {
    }

    private ParsingEvaluation() {
    }

    /**
     * @param parse the parser as the API runs it: a text file's bytes to the parse result, or empty
     *              (with the reason in the list) when the API would refuse it
     */
    public static Result run(List<Datasets.Annotated> annotated, List<Datasets.Categorised> categorised,
            Function<String, Optional<ParsedResume>> parse, List<String> rejections) {
        Map<Field, Score> scores = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            scores.put(field, new Score());
        }
        List<String> misses = new ArrayList<>();
        int accepted = 0;
        for (int doc = 0; doc < annotated.size(); doc++) {
            Datasets.Annotated a = annotated.get(doc);
            Optional<ParsedResume> parsed = parse.apply(a.content());
            if (parsed.isPresent()) {
                accepted++;
            }
            for (Field field : Field.values()) {
                List<String> gold = a.get(field.label);
                List<String> predicted = parsed.map(p -> predicted(field, p)).orElse(List.of());
                FieldMatch.Counts counts = field == Field.SKILLS ? FieldMatch.skills(predicted, gold)
                        : FieldMatch.match(field.rule, predicted, gold);
                Score s = scores.get(field);
                s.matchedGold += counts.matchedGold();
                s.gold += counts.gold();
                if (!gold.isEmpty()) {
                    s.matchedPredicted += counts.matchedPredicted();
                    s.predicted += counts.predicted();
                }
                if (counts.matchedPredicted() < counts.predicted() && !gold.isEmpty()
                        || counts.matchedGold() < counts.gold()) {
                    misses.add("doc " + doc + " " + field + ": wrong " + (gold.isEmpty() ? "(not annotated)"
                            : counts.wrong()) + " | missed " + counts.missed());
                }
            }
        }
        int categoryAccepted = 0;
        int threeSkills = 0;
        int withRole = 0;
        for (Datasets.Categorised c : categorised) {
            Optional<ParsedResume> parsed = parse.apply(c.text());
            if (parsed.isEmpty()) {
                continue;
            }
            categoryAccepted++;
            if (parsed.get().resume().skills().size() >= 3) {
                threeSkills++;
            }
            if (!parsed.get().resume().workExperience().isEmpty() || !parsed.get().undatedRoles().isEmpty()) {
                withRole++;
            }
        }
        return new Result(scores, annotated.size(), accepted, rejections, categorised.size(), categoryAccepted,
                threeSkills, withRole, misses);
    }

    /** The parser's values for a field. */
    static List<String> predicted(Field field, ParsedResume p) {
        Resume r = p.resume();
        List<String> out = new ArrayList<>();
        switch (field) {
            case NAME -> {
                if (r.firstName() != null) {
                    out.add(r.firstName() + (r.lastName() == null ? "" : " " + r.lastName()));
                }
            }
            case EMAIL -> {
                // The e-mail, else the contact link (a job-board profile): the annotators' "Email Address".
                if (r.email() != null) {
                    out.add(r.email());
                } else if (!p.links().isEmpty()) {
                    out.add(p.links().get(0));
                }
            }
            case DESIGNATION -> {
                if (p.headline() != null) {
                    out.add(p.headline());
                }
                r.workExperience().forEach(w -> out.add(w.jobTitle()));
                p.undatedRoles().stream().filter(u -> !u.startsWith("|")).forEach(u -> out.add(u.split(" \\| ")[0]));
                out.removeIf("Unknown"::equals);
            }
            case COMPANIES -> {
                if (p.employer() != null) {
                    out.add(p.employer());
                }
                r.workExperience().forEach(w -> out.add(w.company()));
                p.undatedRoles().stream().filter(u -> u.contains(" | "))
                        .forEach(u -> out.add(u.substring(u.indexOf(" | ") + 3)));
                out.removeIf("Unknown"::equals);
            }
            case SKILLS -> r.skills().forEach(s -> out.add(s.name()));
            case COLLEGE -> r.education().forEach(e -> out.add(e.institution()));
            case DEGREE -> r.education().forEach(e -> out.add(e.degree()));
            case GRADUATION_YEAR -> r.education().stream().filter(e -> e.graduationDate() != null)
                    .forEach(e -> out.add(e.graduationDate().substring(0, 4)));
            case LOCATION -> {
                if (p.location() != null) {
                    out.add(p.location());
                }
            }
            default -> throw new IllegalStateException(field.name());
        }
        return out;
    }
}
