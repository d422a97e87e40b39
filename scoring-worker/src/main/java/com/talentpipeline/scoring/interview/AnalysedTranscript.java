package com.talentpipeline.scoring.interview;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A transcript prepared for the scorers: the candidate's answers, each paired with the interviewer
 * question before it, and (computed once, on first use, with the text model) the relevance of each
 * answer to its question: the cosine of their embeddings.
 */
final class AnalysedTranscript {

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");

    private final List<Answer> answers;
    private final List<String> jobKeywords;
    private final TextEncoder encoder;
    private double[] relevance;

    /**
     * A candidate answer.
     *
     * @param question the interviewer's question before it, or null when the candidate spoke first
     * @param text     the candidate's consecutive turns, joined
     */
    public record Answer(String question, String text) {

        /** The answer's sentences. */
        public List<String> sentences() {
            return List.of(SENTENCE.split(text.strip()));
        }

        /** Lower-cased text, for marker matching. */
        public String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    public AnalysedTranscript(List<InterviewSubmitted.Turn> turns, List<String> jobKeywords, TextEncoder encoder) {
        this.encoder = encoder;
        this.jobKeywords = List.copyOf(jobKeywords);
        List<Answer> out = new ArrayList<>();
        String question = null;
        StringBuilder answer = new StringBuilder();
        for (InterviewSubmitted.Turn turn : turns) {
            if ("interviewer".equals(turn.speaker())) {
                if (!answer.isEmpty()) {
                    out.add(new Answer(question, answer.toString().strip()));
                    answer.setLength(0);
                }
                question = turn.content().strip();
            } else {
                answer.append(turn.content().strip()).append(' ');
            }
        }
        if (!answer.isEmpty()) {
            out.add(new Answer(question, answer.toString().strip()));
        }
        this.answers = List.copyOf(out);
    }

    public List<Answer> answers() {
        return answers;
    }

    /** Keywords of the job the interview was for (empty without one). */
    public List<String> jobKeywords() {
        return jobKeywords;
    }

    /**
     * The cosine between each answer and its question (NaN for an answer without a question); one
     * model call for the whole transcript, shared by the scorers.
     */
    public synchronized double[] relevance() {
        if (relevance == null) {
            List<String> texts = new ArrayList<>();
            for (Answer a : answers) {
                if (a.question() != null) {
                    texts.add(a.question());
                    texts.add(a.text());
                }
            }
            float[][] v = texts.isEmpty() ? new float[0][] : encoder.embed(texts);
            double[] r = new double[answers.size()];
            int k = 0;
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).question() == null) {
                    r[i] = Double.NaN;
                } else {
                    r[i] = Math.round(Vectors.dot(v[k], v[k + 1]) * 1000) / 1000.0;
                    k += 2;
                }
            }
            relevance = r;
        }
        return relevance;
    }

    /**
     * Mean relevance mapped to 0-1: a cosine of 0.15 or less (off-topic for this model) is 0, 0.55 or
     * more (a direct answer) is 1.
     */
    public double relevanceScore() {
        double sum = 0;
        int n = 0;
        for (double r : relevance()) {
            if (!Double.isNaN(r)) {
                sum += Math.max(0, Math.min(1, (r - 0.15) / 0.40));
                n++;
            }
        }
        return n == 0 ? 0.5 : sum / n;
    }

    /** Total words the candidate said. */
    public int candidateWords() {
        int n = 0;
        for (Answer a : answers) {
            n += a.text().split("\\s+").length;
        }
        return n;
    }
}
