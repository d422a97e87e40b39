package com.talentpipeline.core.projection;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.kafka.consume.ConsumeKit;
import com.talentpipeline.core.kafka.consume.Received;
import com.talentpipeline.core.kafka.consume.TypedListener;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.topic.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import reactor.core.publisher.Mono;

/**
 * Applies {@code resume.submitted} and {@code job.submitted} records to a service's own copy of the documents
 * (its {@link Store}: latest version per id, so a replayed, duplicate or out-of-order record changes nothing).
 * Both topics are dead-lettered by their work consumer (the embedding worker): here an unreadable record is
 * skipped and counted, so it has one dead letter. A database error escapes and the kit's error handler
 * retries the batch. The service's own {@code @KafkaListener} methods (its consumer group, reading from the
 * earliest offset so a new deployment fills the copy by replay) hand their batches to {@link #onResumes} and
 * {@link #onJobs}. Counts {@code <meter>{kind, outcome}}: stored, kept (a same or newer version was stored,
 * or the resume was erased), empty.
 */
public final class DocumentProjection {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    /** Where the documents go; each method emits whether the record was stored. */
    public interface Store {

        /** Upserts the resume version unless a same or newer one is stored or the resume was erased. */
        Mono<Boolean> saveResume(EventEnvelope<ResumeSubmitted> event);

        /** Upserts the job version unless a same or newer one is stored. */
        Mono<Boolean> saveJob(EventEnvelope<JobSubmitted> event);
    }

    private final Store store;
    private final MeterRegistry meters;
    private final String meter;
    private final Consumer<Collection<String>> jobsStored;
    private final TypedListener<ResumeSubmitted> resumes;
    private final TypedListener<JobSubmitted> jobs;

    /**
     * @param meter      the counter's name, e.g. {@code pipeline.matching.documents}
     * @param jobsStored told the ids of the jobs each batch stored (e.g. to index jobs held back for their row)
     */
    public DocumentProjection(ConsumeKit kit, Store store, MeterRegistry meters, String meter,
            Consumer<Collection<String>> jobsStored) {
        this.store = store;
        this.meters = meters;
        this.meter = meter;
        this.jobsStored = jobsStored;
        this.resumes = kit.listener(Topics.RESUME_SUBMITTED).observing().handler(this::resumes);
        this.jobs = kit.listener(Topics.JOB_SUBMITTED).observing().handler(this::jobs);
    }

    /** A batch of {@code resume.submitted} records from the service's listener. */
    public void onResumes(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        resumes.onBatch(records);
    }

    /** A batch of {@code job.submitted} records from the service's listener. */
    public void onJobs(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        jobs.onBatch(records);
    }

    void resumes(List<Received<ResumeSubmitted>> batch) {
        for (Received<ResumeSubmitted> received : batch) {
            EventEnvelope<ResumeSubmitted> event = received.envelope();
            if (event.payload() == null || event.payload().resume() == null) {
                count("resume", "empty");
                continue;
            }
            count("resume", Boolean.TRUE.equals(store.saveResume(event).block(DB_TIMEOUT)) ? "stored" : "kept");
        }
    }

    void jobs(List<Received<JobSubmitted>> batch) {
        List<String> stored = new ArrayList<>();
        for (Received<JobSubmitted> received : batch) {
            EventEnvelope<JobSubmitted> event = received.envelope();
            if (event.payload() == null || event.payload().job() == null) {
                count("job", "empty");
                continue;
            }
            boolean saved = Boolean.TRUE.equals(store.saveJob(event).block(DB_TIMEOUT));
            if (saved) {
                stored.add(event.payload().jobId());
            }
            count("job", saved ? "stored" : "kept");
        }
        if (!stored.isEmpty()) {
            jobsStored.accept(stored);
        }
    }

    private void count(String kind, String outcome) {
        Counter.builder(meter).description("Submitted documents applied to this service's copy, by kind and outcome "
                        + "(kept: a same or newer version was stored, or the resume was erased)")
                .tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }
}
