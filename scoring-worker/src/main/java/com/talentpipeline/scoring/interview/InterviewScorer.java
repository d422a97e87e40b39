package com.talentpipeline.scoring.interview;

import com.talentpipeline.core.interview.InterviewSubmitted;
import com.talentpipeline.inference.text.TextEncoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the separable scorers on a transcript and combines their dimensions by the rubric's weights. A
 * scorer that is disabled, down (the text model is not ready) or throws is reported in
 * {@code missing}; the overall score is then computed from the dimensions present, with their weights
 * renormalised, and marked incomplete: a missing part is never invented.
 */
public class InterviewScorer {

    /** Version of the interview scoring rules. */
    public static final String VERSION = "interview-scorer-1.0.0";

    private static final Logger log = LoggerFactory.getLogger(InterviewScorer.class);

    private final List<DimensionScorer> scorers;
    private final TextEncoder encoder;
    private final MeterRegistry meters;
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

    public InterviewScorer(List<DimensionScorer> scorers, TextEncoder encoder, MeterRegistry meters) {
        this.scorers = List.copyOf(scorers);
        this.encoder = encoder;
        this.meters = meters;
    }

    /** Scores the interview; {@code jobKeywords} are the keywords of its job (may be empty). */
    public InterviewResult score(InterviewSubmitted interview, List<String> jobKeywords) {
        AnalysedTranscript transcript = new AnalysedTranscript(interview.transcript(), jobKeywords, encoder);
        Map<String, DimensionScore> dimensions = new LinkedHashMap<>();
        List<InterviewResult.Missing> missing = new ArrayList<>();
        for (DimensionScorer scorer : scorers) {
            String down = unavailable(scorer);
            if (down != null) {
                missing.add(new InterviewResult.Missing(scorer.name(), down, scorer.dimensions()));
                continue;
            }
            Timer.Sample sample = Timer.start(meters);
            String outcome = "success";
            try {
                for (DimensionScore d : scorer.score(transcript)) {
                    dimensions.put(d.dimension(), d);
                }
                lastFailure.remove(scorer.name());
            } catch (RuntimeException e) {
                outcome = "failure";
                String reason = "failed: " + e.getClass().getSimpleName();
                lastFailure.put(scorer.name(), reason);
                log.warn("interview scorer {} failed: {}", scorer.name(), e.toString());
                missing.add(new InterviewResult.Missing(scorer.name(), reason, scorer.dimensions()));
            } finally {
                sample.stop(Timer.builder("scoring.scorer.latency").description("Time one interview scorer takes")
                        .tag("scorer", scorer.name()).tag("outcome", outcome).publishPercentileHistogram()
                        .register(meters));
            }
        }
        InterviewSubmitted.Rubric rubric = interview.rubric();
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("communication", rubric.communication());
        weights.put("technical", rubric.technical());
        weights.put("problem_solving", rubric.problemSolving());
        double present = 0;
        for (var w : weights.entrySet()) {
            if (dimensions.containsKey(w.getKey())) {
                present += w.getValue();
            }
        }
        Map<String, Double> applied = new LinkedHashMap<>();
        Integer overall = null;
        if (present > 0) {
            double sum = 0;
            for (var w : weights.entrySet()) {
                if (dimensions.containsKey(w.getKey())) {
                    double weight = w.getValue() / present;
                    applied.put(w.getKey(), Math.round(weight * 10_000) / 10_000.0);
                    sum += weight * dimensions.get(w.getKey()).score();
                }
            }
            overall = (int) Math.round(sum);
        }
        List<InterviewResult.QuestionRelevance> relevance = new ArrayList<>();
        boolean complete = weights.keySet().stream().allMatch(dimensions::containsKey) && missing.isEmpty();
        if (dimensions.isEmpty()) {
            return new InterviewResult(interview.interviewId(), null, false, weights, applied, dimensions, relevance,
                    missing, VERSION);
        }
        double[] rel;
        try {
            rel = transcript.relevance();
        } catch (RuntimeException e) {
            rel = new double[0]; // the scorers that needed it are already listed as missing
        }
        for (int i = 0; i < rel.length; i++) {
            if (!Double.isNaN(rel[i])) {
                relevance.add(new InterviewResult.QuestionRelevance(transcript.answers().get(i).question(), rel[i]));
            }
        }
        return new InterviewResult(interview.interviewId(), overall, complete, weights, applied, dimensions, relevance,
                missing, VERSION);
    }

    /** Why a scorer cannot run now, or null when it can. */
    private String unavailable(DimensionScorer scorer) {
        if (!scorer.enabled()) {
            return "disabled";
        }
        if (!encoder.isReady()) {
            return "down: the text model is not loaded";
        }
        return null;
    }

    /** The reason the scorer's last run failed, or null when it succeeded (or has not run). */
    public String lastFailure(String scorer) {
        return lastFailure.get(scorer);
    }

    /** Whether the scorer can run now (enabled and its model ready). */
    public String availability(DimensionScorer scorer) {
        return unavailable(scorer);
    }
}
