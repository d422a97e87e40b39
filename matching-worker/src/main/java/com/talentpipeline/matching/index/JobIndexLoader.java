package com.talentpipeline.matching.index;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a batch of {@code job.embedded} records to the {@link JobIndex}: a tombstone or a closed job
 * removes it; an active one is (re)indexed with its skill names read from the worker's own job
 * projection ({@code matching_jobs}) in one query per batch (the event carries vectors and facts, not the
 * skill list). A job whose version the projection does not hold yet (its {@code job.submitted} record
 * has not been applied: another consumer group, or a fresh deployment replaying the topic) is kept
 * pending and indexed when the projection reports it stored ({@link #projected}). Unreadable records are
 * counted and skipped: the embedding worker, the topic's producer, owns their dead letters.
 */
public final class JobIndexLoader {

    private static final Logger log = LoggerFactory.getLogger(JobIndexLoader.class);

    private final JobIndex index;
    private final com.talentpipeline.matching.compare.SkillEmbeddings skills;
    private final DocumentStore store;
    private final MeterRegistry meters;

    public JobIndexLoader(JobIndex index, DocumentStore store, MeterRegistry meters) {
        this(index, store, null, meters);
    }

    /** A loader that hands each job's published skill vectors to {@code skills}. */
    public JobIndexLoader(JobIndex index, DocumentStore store, com.talentpipeline.matching.compare.SkillEmbeddings skills,
            MeterRegistry meters) {
        this.skills = skills;
        this.index = index;
        this.store = store;
        this.meters = meters;
    }

    /** The latest {@code job.embedded} of each job waiting for its projection row, by job id. */
    private final Map<String, EventEnvelope<JobEmbeddings>> pending = new LinkedHashMap<>();

    /** Applies the batch in offset order (per job, the last record wins). */
    public synchronized void apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, EventEnvelope<JobEmbeddings>> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            if (record.value() == null) {
                latest.remove(record.key());
                pending.remove(record.key());
                index.remove(record.key());
                count("removed");
                continue;
            }
            try {
                EventEnvelope<JobEmbeddings> envelope = Topics.JOB_EMBEDDED.decode(record.value());
                JobEmbeddings job = envelope.payload();
                if (skills != null && job.model() != null) {
                    skills.learn(job.model().version(), job.skillVectors());
                }
                latest.remove(record.key());
                latest.put(record.key(), envelope);
            } catch (RuntimeException e) {
                log.warn("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
                count("unreadable");
            }
        }
        index(latest.values());
    }

    /**
     * Indexes the pending jobs among {@code jobIds} now that the projection stored them (called by the
     * projection listener after each batch).
     */
    public synchronized void projected(java.util.Collection<String> jobIds) {
        List<EventEnvelope<JobEmbeddings>> ready = new ArrayList<>();
        for (String id : jobIds) {
            EventEnvelope<JobEmbeddings> e = pending.remove(id);
            if (e != null) {
                ready.add(e);
            }
        }
        if (!ready.isEmpty()) {
            index(ready);
        }
    }

    /** How many jobs wait for their projection row. */
    public synchronized int pending() {
        return pending.size();
    }

    private void index(java.util.Collection<EventEnvelope<JobEmbeddings>> latest) {
        java.util.Set<String> active = new java.util.LinkedHashSet<>();
        for (EventEnvelope<JobEmbeddings> e : latest) {
            pending.remove(e.payload().jobId());
            JobProfile probe = profile(e, List.of(), null);
            if (probe.active()) {
                active.add(e.payload().jobId());
            } else {
                index.remove(e.payload().jobId(), e.payload().version());
                count("closed");
            }
        }
        if (active.isEmpty()) {
            return;
        }
        Map<String, StoredDocument> rows = store.jobsAnyTenant(active).collectList().block(Duration.ofSeconds(30))
                .stream().collect(Collectors.toMap(StoredDocument::id, Function.identity()));
        for (EventEnvelope<JobEmbeddings> e : latest) {
            if (!active.contains(e.payload().jobId())) {
                continue;
            }
            StoredDocument row = rows.get(e.payload().jobId());
            if (row == null || row.version() < e.payload().version()) {
                // Its job.submitted has not reached the projection yet: indexed when it does.
                pending.put(e.payload().jobId(), e);
                count("pending");
                continue;
            }
            if (!row.tenantId().equals(e.tenantId())) {
                count("no_row");
                continue;
            }
            if ("closed".equalsIgnoreCase(row.status())) {
                index.remove(e.payload().jobId(), Integer.MAX_VALUE);
                count("closed");
                continue;
            }
            index.upsert(profile(e, row.skills(), row.contentHash()));
            count("indexed");
        }
    }

    static JobProfile profile(EventEnvelope<JobEmbeddings> e, List<String> skills, String contentHash) {
        JobEmbeddings p = e.payload();
        return JobProfile.of(p.jobId(), e.tenantId(), p.version(), contentHash != null ? contentHash : e.contentHash(),
                p.facts(), skills, p.meanEmbeddings());
    }

    private void count(String outcome) {
        Counter.builder("pipeline.matching.index.events").description("job.embedded records applied to the job index")
                .tag("outcome", outcome).register(meters).increment();
    }
}
