package com.talentpipeline.matching.index;

import org.springframework.context.SmartLifecycle;

/**
 * The two in-memory indexes and their topic readers, started with the application context and stopped
 * with it. {@link #ready()} is what readiness and the API check.
 */
public final class Indexes implements SmartLifecycle {

    private final JobIndex jobs;
    private final ResumeVectors resumes;
    private final CompactedTopicReader jobsReader;
    private final CompactedTopicReader resumesReader;
    private volatile boolean running;

    public Indexes(JobIndex jobs, ResumeVectors resumes, CompactedTopicReader jobsReader, CompactedTopicReader resumesReader) {
        this.jobs = jobs;
        this.resumes = resumes;
        this.jobsReader = jobsReader;
        this.resumesReader = resumesReader;
    }

    /** Indexes filled directly, without topic readers (benchmark, tests): always ready. */
    public static Indexes loaded(JobIndex jobs, ResumeVectors resumes) {
        return new Indexes(jobs, resumes, null, null);
    }

    public JobIndex jobs() {
        return jobs;
    }

    public ResumeVectors resumes() {
        return resumes;
    }

    public CompactedTopicReader jobsReader() {
        return jobsReader;
    }

    public CompactedTopicReader resumesReader() {
        return resumesReader;
    }

    /** Both readers reached their start-up end offsets. */
    public boolean ready() {
        return jobsReader == null || (jobsReader.caughtUp() && resumesReader.caughtUp());
    }

    @Override
    public void start() {
        if (jobsReader != null) {
            jobsReader.start();
            resumesReader.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (jobsReader != null) {
            jobsReader.close();
            resumesReader.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
