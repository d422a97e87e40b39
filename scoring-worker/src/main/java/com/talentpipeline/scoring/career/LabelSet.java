package com.talentpipeline.scoring.career;

import java.util.List;
import java.util.Map;

/**
 * Labels ready to predict against: each label's embedded prototype (its text's embedding, blended with
 * its examples' embeddings when it has examples), its hub score (how close the prototype is to resumes
 * of other labels, subtracted from its scores) and its lexical profile.
 *
 * @param labels      the labels, expanded (a label naming a built-in path carries its description and skills)
 * @param prototypes  one unit vector per label
 * @param hubs        per label, the mean cosine of its prototype with its nearest reference resumes
 * @param lexicon     the term weights the lexical profiles use
 * @param lexical     per label, the unit TF-IDF vector of its text and examples
 * @param temperature softmax temperature for this set (zero-shot or few-shot)
 */
public record LabelSet(List<CareerLabel> labels, float[][] prototypes, double[] hubs, TfIdf lexicon,
        List<Map<String, Double>> lexical, double temperature) {

    public LabelSet {
        labels = List.copyOf(labels);
        lexical = List.copyOf(lexical);
        if (prototypes.length != labels.size() || hubs.length != labels.size() || lexical.size() != labels.size()) {
            throw new IllegalArgumentException("one prototype, hub score and lexical profile per label");
        }
    }

    /**
     * Labels with prototypes embedded elsewhere, scored by cosine alone (no hub correction, no lexical
     * evidence).
     */
    public static LabelSet ofPrototypes(List<CareerLabel> labels, float[][] prototypes, double temperature) {
        List<Map<String, Double>> none = labels.stream().map(l -> Map.<String, Double>of()).toList();
        return new LabelSet(labels, prototypes, new double[labels.size()], TfIdf.fit(List.of()), none, temperature);
    }

    /** Whether any label has examples. */
    public boolean fewShot() {
        return labels.stream().anyMatch(l -> !l.examples().isEmpty());
    }
}
