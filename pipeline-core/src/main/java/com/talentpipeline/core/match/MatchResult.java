package com.talentpipeline.core.match;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One resume compared with one job, as the matching worker answers it (snake_case on the wire, Kafka
 * included): an item of recommendations, candidates and batch results.
 *
 * @param resumeId            the resume
 * @param jobId               the job
 * @param matchPercentage     skills and experience weighted, 0-100, one decimal
 * @param breakdown           the components
 * @param matchedSkills       job skills the resume has (canonical names)
 * @param missingSkills       job skills it lacks
 * @param recommendationLevel Excellent, Good Match, Fair or Poor
 * @param strengths           what speaks for the candidate
 * @param improvements        what would raise the match
 * @param jobTitle            the job's title
 * @param company             the job's company
 * @param matcherVersion      version of this scoring (part of the cache key)
 */
public record MatchResult(
        @JsonProperty("resume_id") String resumeId,
        @JsonProperty("job_id") String jobId,
        @JsonProperty("match_percentage") double matchPercentage,
        MatchBreakdown breakdown,
        @JsonProperty("matched_skills") List<String> matchedSkills,
        @JsonProperty("missing_skills") List<String> missingSkills,
        @JsonProperty("recommendation_level") String recommendationLevel,
        List<String> strengths,
        List<String> improvements,
        @JsonProperty("job_title") String jobTitle,
        String company,
        @JsonProperty("matcher_version") String matcherVersion) {

    /**
     * The components of a match percentage.
     *
     * @param skillsMatch       share of the job's skills the resume covers, 0-100
     * @param experienceMatch   years against the job's level blended with title similarity, 0-100
     * @param requirementsMatch similarity of the resume's background to the requirements, 0-100;
     *                          informational (not in the percentage), null when the job lists none
     */
    public record MatchBreakdown(
            @JsonProperty("skills_match") double skillsMatch,
            @JsonProperty("experience_match") double experienceMatch,
            @JsonProperty("requirements_match") Double requirementsMatch) {
    }
}
