package com.talentpipeline.scoring.career;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical term vectors: sublinear term frequency times smoothed inverse document frequency, L2
 * normalised, over lower-cased word tokens (keeping {@code c++}, {@code c#}, {@code .net}). The words
 * of a career (SAP, ABAP, Hadoop, litigation) are strong evidence that dense sentence embeddings blur,
 * so the predictor scores them next to the embeddings.
 */
public final class TfIdf {

    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9]*(?:\\+\\+|#)?|\\.net\\b");
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "has", "have", "in", "is", "it", "its", "of", "on", "or", "the", "to", "was", "were", "with", "this",
            "that", "will", "my", "i", "me", "we", "our", "you", "your", "he", "she", "his", "her", "they", "their",
            "all", "also", "into", "over", "per", "etc", "using", "used", "use", "work", "worked", "working",
            "experience", "months", "month", "year", "years", "details", "company", "description", "skill",
            "skills", "education", "less", "than", "more");

    private final Map<String, Double> idf;
    private final double unseenIdf;

    private TfIdf(Map<String, Double> idf, double unseenIdf) {
        this.idf = idf;
        this.unseenIdf = unseenIdf;
    }

    /**
     * @param documents the collection that defines document frequencies
     * @return term weights fitted on the documents
     */
    public static TfIdf fit(List<String> documents) {
        Map<String, Integer> df = new HashMap<>();
        for (String doc : documents) {
            for (String term : new HashSet<>(tokens(doc))) {
                df.merge(term, 1, Integer::sum);
            }
        }
        int n = documents.size();
        Map<String, Double> idf = new HashMap<>();
        df.forEach((term, count) -> idf.put(term, Math.log((1.0 + n) / (1.0 + count)) + 1));
        return new TfIdf(idf, Math.log(1.0 + n) + 1);
    }

    /** Lower-cased word tokens without stop words. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String t = m.group();
            if (t.length() > 1 && !STOP.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The unit-length term vector of a text (empty map for a text without terms). */
    public Map<String, Double> vector(String text) {
        Map<String, Integer> tf = new HashMap<>();
        for (String t : tokens(text)) {
            tf.merge(t, 1, Integer::sum);
        }
        Map<String, Double> v = new HashMap<>();
        tf.forEach((t, c) -> v.put(t, (1 + Math.log(c)) * idf.getOrDefault(t, unseenIdf)));
        return normalised(v);
    }

    /** The unit-length mean of unit vectors (a class centroid). */
    public static Map<String, Double> centroid(List<Map<String, Double>> vectors) {
        Map<String, Double> sum = new HashMap<>();
        for (Map<String, Double> v : vectors) {
            v.forEach((t, w) -> sum.merge(t, w, Double::sum));
        }
        return normalised(sum);
    }

    /** Dot product of two sparse vectors (cosine for unit vectors). */
    public static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double s = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                s += e.getValue() * w;
            }
        }
        return s;
    }

    private static Map<String, Double> normalised(Map<String, Double> v) {
        double norm = 0;
        for (double w : v.values()) {
            norm += w * w;
        }
        if (norm == 0) {
            return v;
        }
        double n = Math.sqrt(norm);
        v.replaceAll((t, w) -> w / n);
        return v;
    }
}
