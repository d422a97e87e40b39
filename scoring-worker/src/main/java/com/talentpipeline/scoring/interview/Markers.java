package com.talentpipeline.scoring.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A named list of phrases, matched as whole words in the candidate's answers; picks evidence sentences. */
final class Markers {

    private final Pattern pattern;

    Markers(List<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String p : sorted) {
            alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(p));
        }
        pattern = Pattern.compile("(?<![\\p{Alnum}])(?:" + alt + ")(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE);
    }

    /** Distinct phrases found in the text. */
    Set<String> distinct(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Occurrences in the text. */
    int count(String text) {
        int n = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Up to {@code max} sentences of the answers with the most markers, best first, at most 220 characters each. */
    List<String> evidence(List<AnalysedTranscript.Answer> answers, int max) {
        record Hit(String sentence, int count) {
        }
        List<Hit> hits = new ArrayList<>();
        for (AnalysedTranscript.Answer a : answers) {
            for (String s : a.sentences()) {
                int c = distinct(s).size();
                if (c > 0) {
                    hits.add(new Hit(s.length() > 220 ? s.substring(0, 217) + "..." : s, c));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::count).reversed());
        return hits.stream().limit(max).map(Hit::sentence).distinct().toList();
    }
}
