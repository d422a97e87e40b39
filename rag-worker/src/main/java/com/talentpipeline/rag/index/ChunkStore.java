package com.talentpipeline.rag.index;

import static com.talentpipeline.core.vector.Float4Arrays.boxed;
import static com.talentpipeline.core.vector.Float4Arrays.unboxed;

import com.talentpipeline.core.chunk.Chunk;
import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.erasure.SubjectLock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The index in PostgreSQL: {@code rag_documents} (one row per resume, latest version), {@code rag_chunks}
 * (vectors as {@code float4[]}) and {@code rag_query_stats}.
 */
@Repository
public class ChunkStore {

    /** Chunks written per INSERT statement. */
    static final int ROWS_PER_INSERT = 64;

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    public ChunkStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Replaces the resume's chunks when {@code index} is not older than what is stored, and the resume
     * was not erased. Emits true when it was stored.
     */
    public Mono<Boolean> replace(IndexedResume index) {
        // The erasure kit's guard takes the subject's lock, which orders this write and an erasure: either it
        // commits first (and the erasure deletes it) or it runs after, sees the tombstone and writes nothing.
        Mono<Boolean> work = ErasedSubjects.unlessErased(db, index.tenantId(), index.resumeId(), db.sql("""
                        INSERT INTO rag_documents AS d (resume_id, tenant_id, version, model, text, indexed_at)
                        VALUES (:id, :tenant, :version, :model, :text, :at)
                        ON CONFLICT (resume_id) DO UPDATE SET version = EXCLUDED.version, model = EXCLUDED.model,
                            text = EXCLUDED.text, indexed_at = EXCLUDED.indexed_at
                        WHERE d.version <= EXCLUDED.version
                        RETURNING d.version""")
                .bind("id", index.resumeId())
                .bind("tenant", index.tenantId())
                .bind("version", index.version())
                .bind("model", index.model())
                .bind("text", index.text())
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .map(row -> row.get(0, Integer.class))
                .one()
                .flatMap(v -> db.sql("DELETE FROM rag_chunks WHERE resume_id = :id").bind("id", index.resumeId())
                        .then()
                        .thenMany(Flux.range(0, (index.chunks().size() + ROWS_PER_INSERT - 1) / ROWS_PER_INSERT)
                                .concatMap(page -> insert(index, page * ROWS_PER_INSERT,
                                        Math.min(index.chunks().size(), (page + 1) * ROWS_PER_INSERT))))
                        .then(Mono.just(true))))
                .defaultIfEmpty(false);
        return tx.transactional(work);
    }

    /**
     * Chunks {@code from} (inclusive) to {@code to} (exclusive) in one multi-row INSERT: one round trip and
     * one statement for up to {@link #ROWS_PER_INSERT} chunks, where a row per statement cost the database a
     * parse, a plan and a round trip each (a resume has 10-30 chunks).
     */
    private Mono<Void> insert(IndexedResume index, int from, int to) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO rag_chunks (resume_id, chunk_id, ordinal, section, text, context, char_start, char_end, vector) VALUES ");
        for (int i = from; i < to; i++) {
            sql.append(i == from ? "" : ", ").append("(:id, :chunk%1$d, :ordinal%1$d, :section%1$d, :text%1$d, :context%1$d, :start%1$d, :end%1$d, :vector%1$d)".formatted(i));
        }
        var spec = db.sql(sql.toString()).bind("id", index.resumeId());
        for (int i = from; i < to; i++) {
            Chunk c = index.chunks().get(i);
            spec = spec.bind("chunk" + i, c.chunkId())
                    .bind("ordinal" + i, i)
                    .bind("section" + i, c.section())
                    .bind("text" + i, c.text())
                    .bind("context" + i, c.context())
                    .bind("start" + i, c.charStart())
                    .bind("end" + i, c.charEnd())
                    .bind("vector" + i, boxed(index.vectors()[i]));
        }
        return spec.then();
    }

    /**
     * Removes the resume's index and counters (erasure, under the subject's lock) and emits how many rows
     * went per table.
     */
    public Mono<Map<String, Long>> delete(String tenantId, String resumeId) {
        Map<String, Long> counts = new TreeMap<>();
        return tx.transactional(SubjectLock.acquire(db, tenantId, resumeId)
                        .then(deleted(counts, "rag_chunks", "DELETE FROM rag_chunks WHERE resume_id = :id", resumeId))
                        .then(deleted(counts, "rag_documents", "DELETE FROM rag_documents WHERE resume_id = :id", resumeId))
                        .then(deleted(counts, "rag_query_stats", "DELETE FROM rag_query_stats WHERE resume_id = :id",
                                resumeId)))
                .then(Mono.fromSupplier(() -> counts));
    }

    private Mono<Void> deleted(Map<String, Long> counts, String table, String sql, String resumeId) {
        return db.sql(sql).bind("id", resumeId).fetch().rowsUpdated()
                .doOnNext(n -> counts.merge(table, n, Long::sum))
                .then();
    }

    /** Loads a resume's index, or empty. */
    public Mono<IndexedResume> load(String resumeId) {
        record Doc(int version, String model, String text, String tenant) {
        }
        record Row(Chunk chunk, float[] vector) {
        }
        return db.sql("SELECT version, model, text, tenant_id FROM rag_documents WHERE resume_id = :id")
                .bind("id", resumeId)
                .map(row -> new Doc(row.get("version", Integer.class), row.get("model", String.class),
                        row.get("text", String.class), row.get("tenant_id", String.class)))
                .one()
                .flatMap(doc -> db.sql("""
                                SELECT chunk_id, section, text, context, char_start, char_end, vector FROM rag_chunks
                                WHERE resume_id = :id ORDER BY ordinal""")
                        .bind("id", resumeId)
                        .map(row -> new Row(new Chunk(row.get("chunk_id", String.class), row.get("section", String.class),
                                row.get("text", String.class), row.get("char_start", Integer.class),
                                row.get("char_end", Integer.class), row.get("context", String.class)),
                                unboxed(row.get("vector", Float[].class))))
                        .all()
                        .collectList()
                        .map(rows -> {
                            List<Chunk> chunks = new ArrayList<>();
                            float[][] vectors = new float[rows.size()][];
                            for (int i = 0; i < rows.size(); i++) {
                                chunks.add(rows.get(i).chunk());
                                vectors[i] = rows.get(i).vector();
                            }
                            return new IndexedResume(resumeId, doc.version(), doc.model(), doc.text(), chunks, vectors,
                                    doc.tenant());
                        }));
    }

    /** Counts of indexed resumes and chunks. */
    /** One tenant's indexed resumes and chunks. */
    public Mono<long[]> sizes(String tenantId) {
        return db.sql("""
                        SELECT (SELECT count(*) FROM rag_documents WHERE tenant_id = :tenant) AS docs,
                               (SELECT count(*) FROM rag_chunks c JOIN rag_documents d ON d.resume_id = c.resume_id
                                 WHERE d.tenant_id = :tenant) AS chunks""")
                .bind("tenant", tenantId)
                .map(row -> new long[] {row.get("docs", Long.class), row.get("chunks", Long.class)})
                .one();
    }

    public Mono<long[]> sizes() {
        return db.sql("SELECT (SELECT count(*) FROM rag_documents) AS docs, (SELECT count(*) FROM rag_chunks) AS chunks")
                .map(row -> new long[] {row.get("docs", Long.class), row.get("chunks", Long.class)})
                .one();
    }

    /** Counts one query of the resume and returns {total, successful} after it. */
    public Mono<long[]> countQuery(String resumeId, boolean answered) {
        return db.sql("""
                        INSERT INTO rag_query_stats AS s (resume_id, total_queries, successful_queries, updated_at)
                        VALUES (:id, 1, :ok, :at)
                        ON CONFLICT (resume_id) DO UPDATE SET total_queries = s.total_queries + 1,
                            successful_queries = s.successful_queries + EXCLUDED.successful_queries,
                            updated_at = EXCLUDED.updated_at
                        RETURNING total_queries, successful_queries""")
                .bind("id", resumeId)
                .bind("ok", answered ? 1L : 0L)
                .bind("at", OffsetDateTime.now(ZoneOffset.UTC))
                .map(row -> new long[] {row.get("total_queries", Long.class), row.get("successful_queries", Long.class)})
                .one();
    }
}
