package com.talentpipeline.matching.search;

import com.talentpipeline.core.match.JobSearchHit;
import com.talentpipeline.inference.text.QueryEncoder;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.inference.vector.Vectors;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.JobIndex;
import com.talentpipeline.matching.index.Scored;
import com.talentpipeline.matching.recommend.JobFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hybrid job search over the tenant's active jobs. Lexical: PostgreSQL full text over the worker's own
 * job projection ({@code matching_jobs.search}, a weighted tsvector of title (A), skills (B), requirements
 * (C) and description (D) kept by a trigger, the same definition as the ingest API's {@code jobs.search})
 * matched with {@code websearch_to_tsquery} and ranked by {@code ts_rank}. Semantic: the cosine of
 * the query's embedding to each indexed job's vector (at least 0.3 for a job only found this way). Each side contributes its best
 * {@code candidates}; the score is {@code w * ts_rank / max ts_rank + (1 - w) * max(0, cosine)}, ties by
 * job id, so the order is deterministic and a cursor is an offset into it.
 */
public final class JobSearch {

    /** A job found only semantically must be at least this similar to the query (MiniLM: loosely related). */
    static final double MIN_SEMANTIC = 0.3;

    private final DatabaseClient db;
    private final QueryEncoder queries;
    private final JobIndex index;
    private final MatchingProperties.Search settings;

    /** A search with its own query cache (tests). */
    public JobSearch(DatabaseClient db, TextEncoder encoder, JobIndex index, MatchingProperties.Search settings) {
        this(db, QueryEncoder.of(encoder), index, settings);
    }

    /** The search as wired: queries go through the shared, cached and batched query encoder. */
    public JobSearch(DatabaseClient db, QueryEncoder queries, JobIndex index, MatchingProperties.Search settings) {
        this.db = db;
        this.queries = queries;
        this.index = index;
        this.settings = settings;
    }

    /**
     * A page.
     *
     * @param hits       this page
     * @param nextCursor cursor of the next page, null at the end
     * @param total      size of the ranked candidate list
     */
    public record Page(List<JobSearchHit> hits, String nextCursor, int total) {
    }

    /** The page at {@code offset}. */
    public Mono<Page> search(String tenant, String query, JobFilter filter, int limit, int offset, String fingerprint) {
        Mono<float[]> vector = Mono.fromCallable(() -> queries.encode(query)).subscribeOn(Schedulers.boundedElastic());
        return lexical(tenant, query, filter).collectMap(r -> r.jobId, r -> r.rank).zipWith(vector).map(t -> {
            Map<String, Double> lexical = t.getT1();
            float[] q = t.getT2();
            List<Scored> semantic = index.topK(tenant, q, settings.candidates(), filter);
            double highest = 0;
            for (double r : lexical.values()) {
                highest = Math.max(highest, r);
            }
            final double maxRank = highest;
            Map<String, Double> cosine = new HashMap<>();
            Map<String, JobProfile> profiles = new LinkedHashMap<>();
            semantic.stream().filter(s -> s.score() >= MIN_SEMANTIC).forEach(s -> {
                cosine.put(s.job().jobId(), s.score());
                profiles.put(s.job().jobId(), s.job());
            });
            for (String id : lexical.keySet()) {
                JobProfile job = profiles.containsKey(id) ? profiles.get(id) : index.get(tenant, id);
                if (job != null) {
                    profiles.put(id, job);
                    cosine.computeIfAbsent(id, k -> (double) Vectors.cosine(q, job.vector()));
                }
            }
            double w = settings.lexicalWeight();
            List<JobSearchHit> ranked = new ArrayList<>();
            profiles.forEach((id, job) -> {
                double lex = maxRank > 0 ? lexical.getOrDefault(id, 0.0) / maxRank : 0;
                double sem = cosine.getOrDefault(id, 0.0);
                ranked.add(new JobSearchHit(id, job.facts().title(), job.facts().company(), job.facts().location(),
                        job.facts().remote(), round(w * lex + (1 - w) * Math.max(0, sem)), round(lex), round(sem)));
            });
            ranked.sort(Comparator.comparingDouble(JobSearchHit::score).reversed().thenComparing(JobSearchHit::jobId));
            int from = Math.min(offset, ranked.size());
            int to = Math.min(from + limit, ranked.size());
            String next = to < ranked.size() ? SearchCursor.encode(to, fingerprint) : null;
            return new Page(List.copyOf(ranked.subList(from, to)), next, ranked.size());
        });
    }

    private static final class Row {
        String jobId;
        double rank;
    }

    private reactor.core.publisher.Flux<Row> lexical(String tenant, String query, JobFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT j.id, ts_rank(j.search, q) AS rank FROM matching_jobs j, websearch_to_tsquery('english', :query) q
                WHERE j.tenant_id = :tenant AND j.status = 'active' AND j.search @@ q""");
        if (filter.location() != null) {
            sql.append(" AND lower(j.content->>'location') LIKE :location");
        }
        if (filter.remote() != null) {
            sql.append(" AND coalesce((j.content->>'remote')::boolean, false) = :remote");
        }
        sql.append(" ORDER BY rank DESC, j.id LIMIT :limit");
        var spec = db.sql(sql.toString()).bind("query", query).bind("tenant", tenant).bind("limit", settings.candidates());
        if (filter.location() != null) {
            spec = spec.bind("location", "%" + filter.location().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.remote() != null) {
            spec = spec.bind("remote", filter.remote());
        }
        return spec.map(r -> {
            Row row = new Row();
            row.jobId = r.get("id", String.class);
            Number rank = r.get("rank", Number.class);
            row.rank = rank == null ? 0 : rank.doubleValue();
            return row;
        }).all();
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
