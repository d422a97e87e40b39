package com.talentpipeline.scoring.interview;

import java.util.ArrayList;
import java.util.List;

/**
 * The soft-skills scorer: {@code communication} (answers on topic, of a useful length, without filler,
 * in complete sentences) and {@code culture} (collaboration and ownership in how the candidate tells it).
 */
public class SoftSkillsScorer implements DimensionScorer {

    /** The scorer's name. */
    public static final String NAME = "soft-skills";

    private static final Markers FILLERS = new Markers(List.of("um", "uh", "erm", "you know", "kind of", "sort of",
            "basically", "i guess", "like, ", "whatever", "stuff like that", "i dunno", "i don't know"));
    private static final Markers COLLABORATION = new Markers(List.of("we", "our team", "the team", "team", "together",
            "helped", "mentored", "mentoring", "paired", "pair programming", "feedback", "colleague", "colleagues",
            "stakeholders", "collaborated", "collaboration", "shared", "aligned", "supported", "reviewed",
            "code review", "i took ownership", "owned", "i made sure", "learned", "listened", "agreed", "communicated"));

    private final boolean enabled;

    public SoftSkillsScorer(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> dimensions() {
        return List.of("communication", "culture");
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<DimensionScore> score(AnalysedTranscript t) {
        List<AnalysedTranscript.Answer> answers = t.answers();
        double relevance = t.relevanceScore();
        double length = 0;
        int fillers = 0;
        double structure = 0;
        for (AnalysedTranscript.Answer a : answers) {
            int words = a.text().split("\\s+").length;
            // 25-250 words answers a question; a few words does not, a monologue loses the listener.
            length += words >= 25 && words <= 250 ? 1 : words > 250 ? 0.7 : words >= 10 ? 0.5 : 0.1;
            fillers += FILLERS.count(a.lower());
            int sentences = a.sentences().size();
            structure += sentences >= 2 && sentences <= 12 ? 1 : 0.5;
        }
        int n = answers.size();
        length /= n;
        structure /= n;
        double fillerPer100 = 100.0 * fillers / Math.max(1, t.candidateWords());
        double clarity = Math.max(0, 1 - fillerPer100 / 5);
        int communication = (int) Math.round(100 * (0.40 * relevance + 0.25 * length + 0.20 * clarity + 0.15 * structure));
        List<String> commSignals = List.of(
                String.format("relevance to the questions %.2f (weight 0.40)", relevance),
                String.format("answer length adequacy %.2f (weight 0.25)", length),
                String.format("clarity %.2f: %.1f filler words per 100 words (weight 0.20)", clarity, fillerPer100),
                String.format("structure %.2f: answers of 2-12 sentences (weight 0.15)", structure));
        List<String> commEvidence = new ArrayList<>();
        double[] rel = t.relevance();
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(rel[i]) && (best < 0 || rel[i] > rel[best])) {
                best = i;
            }
        }
        if (best >= 0) {
            commEvidence.add(firstSentences(answers.get(best).text()));
        }

        int withCollaboration = 0;
        List<String> phrases = new ArrayList<>();
        for (AnalysedTranscript.Answer a : answers) {
            var found = COLLABORATION.distinct(a.text());
            if (!found.isEmpty()) {
                withCollaboration++;
                found.stream().filter(p -> !phrases.contains(p)).forEach(phrases::add);
            }
        }
        double share = (double) withCollaboration / n;
        double variety = Math.min(1, phrases.size() / 6.0);
        int culture = (int) Math.round(100 * (0.6 * Math.min(1, share / 0.6) + 0.4 * variety));
        List<String> cultureSignals = List.of(
                String.format("%d of %d answers speak of collaboration or ownership (weight 0.6)", withCollaboration, n),
                String.format("%d distinct collaboration phrases: %s (weight 0.4)", phrases.size(),
                        String.join(", ", phrases.subList(0, Math.min(8, phrases.size())))));
        return List.of(new DimensionScore("communication", NAME, communication, commSignals, commEvidence),
                new DimensionScore("culture", NAME, culture, cultureSignals, COLLABORATION.evidence(answers, 2)));
    }

    private static String firstSentences(String text) {
        String s = text.strip();
        return s.length() > 220 ? s.substring(0, 217) + "..." : s;
    }
}
