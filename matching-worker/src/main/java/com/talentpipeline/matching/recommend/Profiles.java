package com.talentpipeline.matching.recommend;

import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.index.ResumeVectors;
import com.talentpipeline.matching.store.StoredDocument;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Assembles comparison profiles from the stored content (skill names) and the indexes (vectors). A
 * document accepted a moment ago may not be embedded yet: {@link #awaitResume}/{@link #awaitJob} wait
 * for it (worker threads only).
 */
public final class Profiles {

    private final JobIndex jobs;
    private final ResumeVectors resumes;

    public Profiles(JobIndex jobs, ResumeVectors resumes) {
        this.jobs = jobs;
        this.resumes = resumes;
    }

    public JobIndex jobs() {
        return jobs;
    }

    /** The resume's profile if its embeddings are indexed, else null. */
    public ResumeProfile resume(StoredDocument row) {
        ResumeVectors.Entry entry = resumes.get(row.tenantId(), row.id());
        return entry == null ? null : of(row, entry.embeddings());
    }

    /** A profile of a stored resume and its embeddings. */
    public static ResumeProfile of(StoredDocument row, ResumeEmbeddings embeddings) {
        double years = embeddings.metrics() == null ? 0 : embeddings.metrics().totalExperienceYears();
        return new ResumeProfile(row.id(), row.tenantId(), embeddings.version(), row.contentHash(), row.skills(), years,
                embeddings.meanEmbeddings());
    }

    /** Waits up to {@code timeout} for the resume's embeddings; null if they did not come. */
    public ResumeProfile awaitResume(StoredDocument row, Duration timeout) {
        return await(() -> resume(row), timeout);
    }

    /** Waits up to {@code timeout} for the job to be indexed; null if it did not come. */
    public JobProfile awaitJob(String tenantId, String jobId, Duration timeout) {
        return await(() -> jobs.get(tenantId, jobId), timeout);
    }

    private static <T> T await(Supplier<T> lookup, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = lookup.get();
        while (value == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            value = lookup.get();
        }
        return value;
    }
}
