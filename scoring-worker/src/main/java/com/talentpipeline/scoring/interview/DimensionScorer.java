package com.talentpipeline.scoring.interview;

import java.util.List;

/**
 * A separable interview scorer (the seeds' "model service"): it scores some rubric dimensions of a
 * transcript. Each implementation has its own switch, health and latency metric, and may fail alone.
 */
public interface DimensionScorer {

    /** Stable name, e.g. {@code soft-skills}; the {@code scorer} tag of its metrics. */
    String name();

    /** The dimensions it scores. */
    List<String> dimensions();

    /** Whether it is switched on. */
    boolean enabled();

    /** Scores the transcript; may throw, which makes its dimensions missing from the result. */
    List<DimensionScore> score(AnalysedTranscript transcript);
}
