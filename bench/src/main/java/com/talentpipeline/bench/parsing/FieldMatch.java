package com.talentpipeline.bench.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The matching rules of the parsing benchmark, per document and field, on the distinct values of
 * each side (an entity annotated five times counts once):
 * <ul>
 *   <li>{@link Rule#EXACT} (name, graduation year): equal after normalising (lower case, punctuation
 *       to spaces, whitespace collapsed);</li>
 *   <li>{@link Rule#LINK} (e-mail): equal after also dropping whitespace, a "label:" prefix, the
 *       scheme, "www.", a query and a trailing slash, so "Indeed: indeed.com/r/Jay-\nMadhavi/1e7" and
 *       "https://www.indeed.com/r/Jay-Madhavi/1e7?x" are the same link;</li>
 *   <li>{@link Rule#TOKENS} (designation, college, degree, location): token F1 of the two
 *       values at least 0.5, paired one to one, best first;</li>
 *   <li>{@link Rule#COMPANY} (companies): the same after leaving out legal-form words (Pvt, Ltd,
 *       Limited, Inc, Corporation, ...), so "Oracle India Pvt Ltd" and "Oracle" match;</li>
 *   <li>skills ({@link #skills}): a predicted skill is right when its tokens occur, in order, inside
 *       an annotated skills span; an annotated skill item (a span cut at commas, semicolons, bullets
 *       and line ends, parentheses opened into items, without "Label:" prefixes and durations) is found when some predicted skill
 *       matches it by {@link Rule#TOKENS} or is contained in it.</li>
 * </ul>
 */
final class FieldMatch {

    /** How a predicted value is compared with an annotated one. */
    public enum Rule { EXACT, LINK, TOKENS, COMPANY }

    /** Legal-form words, left out when companies are compared ("Oracle India Pvt Ltd" is "Oracle India"). */
    private static final java.util.regex.Pattern LEGAL_FORM = java.util.regex.Pattern.compile(
            "\\b(?:pvt|private|ltd|limited|inc|incorporated|corp|corporation|co|llc|llp|plc|gmbh|ag|sa)\\b");

    /** True positives, predicted and annotated counts of one document's field. */
    public record Counts(int matchedPredicted, int predicted, int matchedGold, int gold, List<String> wrong,
            List<String> missed) {
    }

    private FieldMatch() {
    }

    public static Counts match(Rule rule, List<String> predicted, List<String> gold) {
        List<String> p = distinct(predicted, rule);
        List<String> g = distinct(gold, rule);
        boolean[] used = new boolean[g.size()];
        int matched = 0;
        List<String> wrong = new ArrayList<>();
        for (String value : p) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < g.size(); i++) {
                if (used[i]) {
                    continue;
                }
                double score = score(rule, value, g.get(i));
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            } else {
                wrong.add(value);
            }
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (!used[i]) {
                missed.add(g.get(i));
            }
        }
        return new Counts(matched, p.size(), matched, g.size(), wrong, missed);
    }

    /** Skills: precision against the annotated spans' text, recall against their items. */
    public static Counts skills(List<String> predicted, List<String> goldSpans) {
        List<String> p = distinct(predicted, Rule.TOKENS);
        List<String> spans = goldSpans.stream().map(FieldMatch::normalise).toList();
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (String skill : p) {
            String padded = " " + skill + " ";
            if (spans.stream().anyMatch(span -> (" " + span + " ").contains(padded))) {
                right++;
            } else {
                wrong.add(skill);
            }
        }
        List<String> items = distinct(goldSpans.stream().flatMap(s -> items(s).stream()).toList(), Rule.TOKENS);
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (String item : items) {
            String padded = " " + item + " ";
            if (p.stream().anyMatch(skill -> tokenF1(skill, item) >= 0.5 || padded.contains(" " + skill + " "))) {
                found++;
            } else {
                missed.add(item);
            }
        }
        return new Counts(right, p.size(), found, items.size(), wrong, missed);
    }

    /** An annotated skills span cut into items. */
    static List<String> items(String span) {
        List<String> out = new ArrayList<>();
        // Durations in parentheses go; other parentheses hold items of their own ("Python (pandas, numpy)").
        String flat = span.replaceAll("(?i)\\((?:less than\\s+)?[\\d.+\\s]*(?:years?|yrs?|months?)\\)", " ")
                .replaceAll("[()]", ",");
        for (String line : flat.split("[\\n,;•|●▪❖➢]+")) {
            String item = line
                    .replaceAll("(?i)-\\s*experience\\s*-.*$", "")
                    .replaceAll("^[^:]{1,40}:\\s*", "")
                    .strip();
            if (!item.isEmpty() && item.chars().anyMatch(Character::isLetter) && item.split("\\s+").length <= 5) {
                out.add(item);
            }
        }
        return out;
    }

    static double score(Rule rule, String a, String b) {
        return switch (rule) {
            case EXACT, LINK -> a.equals(b) ? 1 : 0;
            case COMPANY -> score(Rule.TOKENS, withoutLegalForm(a), withoutLegalForm(b));
            case TOKENS -> {
                double f1 = tokenF1(a, b);
                yield f1 >= 0.5 ? f1 : 0;
            }
        };
    }

    private static String withoutLegalForm(String name) {
        String stripped = LEGAL_FORM.matcher(name).replaceAll(" ").strip().replaceAll("\\s+", " ");
        return stripped.isEmpty() ? name : stripped;
    }

    static double tokenF1(String a, String b) {
        List<String> ta = Arrays.asList(a.split(" "));
        List<String> tb = new ArrayList<>(Arrays.asList(b.split(" ")));
        int common = 0;
        for (String t : ta) {
            if (tb.remove(t)) {
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / ta.size();
        double recall = (double) common / (common + tb.size());
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> distinct(List<String> values, Rule rule) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            String n = rule == Rule.LINK ? link(value) : normalise(value);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    static String normalise(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
    }

    static String link(String value) {
        String v = value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        v = v.replaceFirst("^[a-z ]{1,20}:(?!//)", "");
        v = v.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        v = v.replaceFirst("\\?.*$", "").replaceFirst("/+$", "");
        return v;
    }
}
