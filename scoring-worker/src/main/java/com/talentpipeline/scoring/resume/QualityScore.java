package com.talentpipeline.scoring.resume;

import com.talentpipeline.core.score.SubScore;
import java.util.List;
import java.util.Map;

/**
 * The resume quality score.
 *
 * @param overallScore         0-100, the weighted sub-scores
 * @param grade                on the seeds' scale (see {@link Grades})
 * @param weights              weight of each sub-score in the overall score
 * @param breakdown            completeness, experience, skills, certifications, each with its rules
 * @param totalExperienceYears union of the roles' date ranges
 * @param strengths            what scored well, with its evidence
 * @param improvements         rules that gave less than half their points
 * @param recommendations      what to change, one per improvement
 */
public record QualityScore(int overallScore, String grade, Map<String, Double> weights, Map<String, SubScore> breakdown,
        double totalExperienceYears, List<String> strengths, List<String> improvements, List<String> recommendations) {
}
