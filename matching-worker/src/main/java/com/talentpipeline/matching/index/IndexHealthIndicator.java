package com.talentpipeline.matching.index;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code matchingIndex}: DOWN until the job and resume indexes caught up with their topics' end
 * offsets taken at start; part of readiness, so no traffic reaches an instance with a partial index.
 */
public final class IndexHealthIndicator implements HealthIndicator {

    private final BooleanSupplier jobsCaughtUp;
    private final BooleanSupplier resumesCaughtUp;
    private final IntSupplier jobs;
    private final IntSupplier resumes;

    public IndexHealthIndicator(BooleanSupplier jobsCaughtUp, BooleanSupplier resumesCaughtUp, IntSupplier jobs,
            IntSupplier resumes) {
        this.jobsCaughtUp = jobsCaughtUp;
        this.resumesCaughtUp = resumesCaughtUp;
        this.jobs = jobs;
        this.resumes = resumes;
    }

    @Override
    public Health health() {
        boolean up = jobsCaughtUp.getAsBoolean() && resumesCaughtUp.getAsBoolean();
        return (up ? Health.up() : Health.down())
                .withDetail("jobsCaughtUp", jobsCaughtUp.getAsBoolean())
                .withDetail("resumesCaughtUp", resumesCaughtUp.getAsBoolean())
                .withDetail("activeJobs", jobs.getAsInt())
                .withDetail("resumes", resumes.getAsInt())
                .build();
    }
}
