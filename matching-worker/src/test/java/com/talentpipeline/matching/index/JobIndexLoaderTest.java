package com.talentpipeline.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.job.ExperienceLevel;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * The loader joins job.embedded with the worker's own job projection: a job whose row (or whose version)
 * the projection does not hold yet waits, and is indexed with its skills once the projection stores it.
 */
class JobIndexLoaderTest {

    static final float[] V = {1, 0, 0, 0};

    /** The projection, in memory. */
    static final class Rows extends DocumentStore {
        final Map<String, StoredDocument> rows = new ConcurrentHashMap<>();

        Rows() {
            super(null);
        }

        @Override
        public Flux<StoredDocument> jobsAnyTenant(Collection<String> ids) {
            return Flux.fromIterable(ids).mapNotNull(rows::get);
        }
    }

    static ConsumerRecord<String, byte[]> embedded(String id, int version, long offset) {
        var facts = new JobEmbeddings.Facts("Title " + id, "Co", "Berlin", ExperienceLevel.MID, JobStatus.ACTIVE, false);
        var payload = new JobEmbeddings(id, version, new ModelRef("m", "v", 4), Map.of("jobTitle", V, "skills", V),
                Map.of(), facts);
        var envelope = EventEnvelope.of(Topics.JOB_EMBEDDED_NAME, null, "acme", id, "h" + version, null, payload);
        return new ConsumerRecord<>(Topics.JOB_EMBEDDED_NAME, 0, offset, id, Topics.JOB_EMBEDDED.encode(envelope));
    }

    static StoredDocument row(String id, int version, List<String> skills) {
        return new StoredDocument(id, "acme", version, "h" + version, skills, "active");
    }

    @Test
    void aJobWithoutItsProjectionRowWaitsAndIsIndexedWhenTheRowArrives() {
        JobIndex index = new JobIndex(4);
        Rows rows = new Rows();
        JobIndexLoader loader = new JobIndexLoader(index, rows, new SimpleMeterRegistry());
        rows.rows.put("j1", row("j1", 1, List.of("SQL")));

        loader.apply(List.of(embedded("j1", 1, 1), embedded("j2", 1, 2)));

        assertThat(index.get("acme", "j1").skills()).containsExactly("SQL");
        assertThat(index.get("acme", "j2")).as("no row yet").isNull();
        assertThat(loader.pending()).isEqualTo(1);

        rows.rows.put("j2", row("j2", 1, List.of("Python", "Spark")));
        loader.projected(List.of("j2", "j3"));

        assertThat(index.get("acme", "j2").skills()).containsExactly("Python", "Spark");
        assertThat(loader.pending()).isZero();
    }

    @Test
    void anOlderProjectedVersionWaitsForTheEmbeddedOneAndATombstoneDropsTheWait() {
        JobIndex index = new JobIndex(4);
        Rows rows = new Rows();
        JobIndexLoader loader = new JobIndexLoader(index, rows, new SimpleMeterRegistry());
        rows.rows.put("j1", row("j1", 1, List.of("SQL")));

        loader.apply(List.of(embedded("j1", 2, 1)));
        assertThat(index.get("acme", "j1")).as("its v2 row is not projected yet").isNull();
        assertThat(loader.pending()).isEqualTo(1);

        loader.apply(List.of(new ConsumerRecord<>(Topics.JOB_EMBEDDED_NAME, 0, 2L, "j1", null)));
        assertThat(loader.pending()).isZero();
        rows.rows.put("j1", row("j1", 2, List.of("SQL", "dbt")));
        loader.projected(List.of("j1"));
        assertThat(index.get("acme", "j1")).as("deleted meanwhile").isNull();
    }
}
