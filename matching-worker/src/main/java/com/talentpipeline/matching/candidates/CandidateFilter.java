package com.talentpipeline.matching.candidates;

import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.store.StoredResume;
import java.util.Locale;

/**
 * Optional filters of the candidates of a job.
 *
 * @param minScore lowest {@code match_percentage} listed (0-100); null = any
 * @param location case-insensitive substring of the resume's parsed city ({@link StoredResume#location()});
 *                 a resume without a known location never matches; null = any
 * @param remote   the resume's remote mention ({@link StoredResume#remote()}) must equal this; null = any
 */
public record CandidateFilter(Double minScore, String location, Boolean remote) {

    /** No filter. */
    public static final CandidateFilter NONE = new CandidateFilter(null, null, null);

    public CandidateFilter {
        location = location == null || location.isBlank() ? null : location.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a filter on the stored resume is set (then more candidates may be needed). */
    boolean restrictsResumes() {
        return location != null || remote != null;
    }

    /** The resume-level filters, checked before the comparison. */
    boolean accepts(StoredResume resume) {
        if (remote != null && resume.remote() != remote) {
            return false;
        }
        if (location != null) {
            String l = resume.location();
            return l != null && l.toLowerCase(Locale.ROOT).contains(location);
        }
        return true;
    }

    /** The score filter, checked after the comparison. */
    boolean accepts(MatchResult result) {
        return minScore == null || result.matchPercentage() >= minScore;
    }
}
