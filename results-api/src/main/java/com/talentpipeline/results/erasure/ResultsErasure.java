package com.talentpipeline.results.erasure;

import com.talentpipeline.core.cache.ResultCache;
import com.talentpipeline.core.door.DoorEntries;
import com.talentpipeline.core.erasure.ErasedResume;
import com.talentpipeline.core.erasure.ErasureParticipant;
import com.talentpipeline.core.erasure.SubjectLock;
import com.talentpipeline.core.task.store.TaskErasure;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The results API's part of an erasure: the resume's tasks and their results (never an erasure task,
 * which is the record of the erasure itself), its predictions, what this service kept of its
 * {@code resume.submitted} events ({@code resume_versions}: owner, file name), the webhook deliveries about
 * it (their attempts cascade), in one transaction under the subject's lock; then the door entries indexed
 * under it.
 */
@Component
class ResultsErasure implements ErasureParticipant {

    /** The name the erasure task lists it by. */
    static final String NAME = "results";

    private static final List<String> CACHE_KINDS = List.of(DoorEntries.EMBEDDING_KIND, DoorEntries.SCORE_KIND);

    private final DatabaseClient db;
    private final TaskErasure tasks;
    private final TransactionalOperator tx;
    private final ResultCache cache;

    ResultsErasure(DatabaseClient db, TransactionalOperator tx, ObjectProvider<ResultCache> cache) {
        this.db = db;
        this.tasks = new TaskErasure(db);
        this.tx = tx;
        this.cache = cache.getIfAvailable();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Map<String, Long>> erase(ErasedResume resume) {
        Map<String, Long> counts = new TreeMap<>();
        String tenant = resume.tenantId();
        String id = resume.resumeId();
        // The tasks and their results go through the task kit (counted per table), in this transaction.
        Mono<Void> rows = SubjectLock.acquire(db, tenant, id)
                .then(tasks.eraseSubject(tenant, id).doOnNext(counts::putAll))
                .then(count(counts, "predictions",
                        "DELETE FROM predictions WHERE resume_id = :id AND tenant_id = :tenant", tenant, id))
                .then(count(counts, "resume_versions",
                        "DELETE FROM resume_versions WHERE resume_id = :id AND tenant_id = :tenant", tenant, id))
                .then(count(counts, "webhook_deliveries",
                        "DELETE FROM webhook_deliveries WHERE subject_id = :id AND tenant_id = :tenant", tenant, id));
        Mono<Long> evicted = cache == null ? Mono.just(0L)
                : Flux.fromIterable(CACHE_KINDS).concatMap(kind -> cache.evictSubject(kind, id)).reduce(0L, Long::sum);
        return tx.transactional(rows)
                .then(evicted)
                .map(n -> {
                    counts.put("cache_keys", n);
                    return counts;
                });
    }

    private Mono<Void> count(Map<String, Long> counts, String table, String sql, String tenant, String id) {
        return db.sql(sql).bind("id", id).bind("tenant", tenant).fetch().rowsUpdated()
                .doOnNext(n -> counts.merge(table, n, Long::sum))
                .then();
    }
}
