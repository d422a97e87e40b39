package com.talentpipeline.core.score;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The ATS (applicant tracking system) score: how well the resume survives automated screening.
 *
 * @param atsScore 0-100, the factors' scores weighted (weights renormalised over the factors that apply)
 * @param factors  each factor with its weight, score and evidence
 * @param keywords the target job's keywords found and missing, or null without a target job
 */
@Schema(name = "ResumeAtsScore")
public record AtsScore(@JsonProperty("ats_score") int atsScore, List<Factor> factors, Keywords keywords) {

    /**
     * One factor.
     *
     * @param factor   stable name, e.g. {@code quantified_achievements}
     * @param weight   weight in the ATS score
     * @param score    0-100
     * @param evidence what was measured
     */
    @Schema(name = "AtsFactor")
    public record Factor(String factor, double weight, int score, String evidence) {
    }

    /**
     * Keyword coverage against a job.
     *
     * @param jobId    the job
     * @param coverage found / all, 0-1
     * @param found    the job's keywords the resume mentions
     * @param missing  the job's keywords the resume does not mention
     */
    @Schema(name = "AtsKeywords")
    public record Keywords(@JsonProperty("job_id") String jobId, double coverage, List<String> found,
            List<String> missing) {
    }
}
