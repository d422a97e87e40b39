package com.talentpipeline.matching.recommend;

import com.talentpipeline.matching.compare.JobProfile;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Optional filters of recommendations and search.
 *
 * @param location case-insensitive substring of the job's location; null = any
 * @param remote   the job's remote flag must equal this; null = any
 */
public record JobFilter(String location, Boolean remote) implements Predicate<JobProfile> {

    /** No filter. */
    public static final JobFilter NONE = new JobFilter(null, null);

    public JobFilter {
        location = location == null || location.isBlank() ? null : location.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(JobProfile job) {
        if (remote != null && job.facts().remote() != remote) {
            return false;
        }
        if (location != null) {
            String l = job.facts().location();
            return l != null && l.toLowerCase(Locale.ROOT).contains(location);
        }
        return true;
    }
}
