package com.talentpipeline.matching.query;

import com.talentpipeline.core.event.EventEnvelope;
import com.talentpipeline.core.kafka.reply.RequestHandler.Answer;
import com.talentpipeline.core.match.CandidatePage;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchPage;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.match.RecommendationsPage;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.task.ModelRef;
import com.talentpipeline.core.task.TaskType;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.inference.model.ModelInfo;
import com.talentpipeline.inference.text.TextEncoder;
import com.talentpipeline.matching.candidates.CandidateCursor;
import com.talentpipeline.matching.candidates.CandidateFilter;
import com.talentpipeline.matching.candidates.CandidateRanker;
import com.talentpipeline.matching.cluster.JobClusterer;
import com.talentpipeline.matching.compare.JobProfile;
import com.talentpipeline.core.match.MatchResult;
import com.talentpipeline.matching.compare.ResumeProfile;
import com.talentpipeline.matching.config.MatchingProperties;
import com.talentpipeline.matching.index.Indexes;
import com.talentpipeline.matching.recommend.Comparisons;
import com.talentpipeline.matching.recommend.JobFilter;
import com.talentpipeline.matching.recommend.Profiles;
import com.talentpipeline.matching.recommend.Recommender;
import com.talentpipeline.matching.search.JobSearch;
import com.talentpipeline.matching.search.SearchCursor;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredDocument;
import com.talentpipeline.matching.task.TaskPublisher;
import com.talentpipeline.matching.task.TaskPublisher.TaskRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The matching worker's answers to the front door's requests over its in-memory index: batch
 * comparisons, clusters, job search, a job's candidates and a resume's recommendations. Each method runs
 * on a worker thread (it may block on the model or the document store) and refuses with an
 * {@link ApiProblemException}, which the front door answers as the same problem+json the worker's HTTP
 * API used to (404, 409 {@code embeddings_pending}, 422 {@code not_enough_jobs}, 503 while the index
 * loads, 400 for a cursor of another query). The front door checked the ids it owns (resumes, jobs)
 * and the shape of the parameters; limits bound by this worker's settings are checked here.
 */
public class MatchingQueries {

    private static final Duration STORE_WAIT = Duration.ofSeconds(10);

    private final DocumentStore documents;
    private final Profiles profiles;
    private final Comparisons comparisons;
    private final Recommender recommender;
    private final JobSearch search;
    private final JobClusterer clusterer;
    private final CandidateRanker ranker;
    private final Indexes indexes;
    private final TaskPublisher tasks;
    private final TextEncoder encoder;
    private final MatchingProperties properties;

    /** Wires the queries over the worker's index, engine and stores. */
    public MatchingQueries(DocumentStore documents, Profiles profiles, Comparisons comparisons, Recommender recommender,
            JobSearch search, JobClusterer clusterer, CandidateRanker ranker, Indexes indexes, TaskPublisher tasks,
            TextEncoder encoder, MatchingProperties properties) {
        this.documents = documents;
        this.profiles = profiles;
        this.comparisons = comparisons;
        this.recommender = recommender;
        this.search = search;
        this.clusterer = clusterer;
        this.ranker = ranker;
        this.indexes = indexes;
        this.tasks = tasks;
        this.encoder = encoder;
        this.properties = properties;
    }

    /**
     * {@code match.batch}: the resume against the open jobs, ranked, with progress events on the task
     * (the request's task id); closed jobs and jobs still without embeddings are {@code skipped}.
     */
    Answer batch(EventEnvelope<MatchBatchRequested> request) {
        MatchBatchRequested batch = request.payload();
        String tenant = request.tenantId();
        int max = properties.batch().maxJobs();
        List<String> open = batch.jobIds() == null ? List.of() : batch.jobIds();
        List<String> closed = batch.closedJobIds() == null ? List.of() : batch.closedJobIds();
        int given = open.size() + closed.size();
        if (given == 0 || given > max) {
            throw Problems.invalid("jobIds", given == 0 ? "must list at least one job id" : "must list at most " + max + " job ids");
        }
        int limit = Problems.limit(batch.limit(), Math.min(properties.batch().defaultLimit(), given), max, "limit");
        StoredDocument resumeRow = documents.resumeForRequest(tenant, batch.resumeId()).blockOptional(STORE_WAIT)
                .orElseThrow(() -> ApiProblemException.notFound("Resume", batch.resumeId()));
        ResumeProfile resume = profiles.awaitResume(resumeRow, properties.embeddingsWait());
        if (resume == null) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "embeddings_pending", "the resume has no embeddings after "
                    + properties.embeddingsWait().toSeconds() + "s");
        }
        List<JobProfile> jobs = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String id : open) {
            JobProfile job = indexes.jobs().get(tenant, id);
            if (job == null) {
                // Wait for the first missing job only: the others were embedded meanwhile or are reported skipped.
                job = profiles.awaitJob(tenant, id, pending.isEmpty() ? properties.embeddingsWait() : Duration.ZERO);
            }
            if (job == null) {
                pending.add(id);
            } else {
                jobs.add(job);
            }
        }
        TaskRef task = new TaskRef(request.taskId(), TaskType.MATCH_BATCH, tenant, batch.resumeId());
        List<MatchResult> ranked = comparisons.batch(resume, jobs, limit, p -> tasks.progress(task, p));
        List<String> skipped = new ArrayList<>(closed);
        skipped.addAll(pending);
        return Answer.of(new BatchResult(resume.resumeId(), jobs.size(), limit, ranked, skipped), model());
    }

    /** {@code job.clusters}: k-means over the tenant's active jobs; 422 with fewer jobs than clusters (or 3). */
    Answer clusters(EventEnvelope<JobClustersRequested> request) {
        Integer k = request.payload().k();
        if (k != null && (k < 2 || k > 50)) {
            throw Problems.invalid("k", "must be between 2 and 50");
        }
        requireReady();
        List<JobProfile> jobs = indexes.jobs().all(request.tenantId(), j -> true);
        if (jobs.size() < 3 || (k != null && k >= jobs.size())) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not_enough_jobs",
                    "Clustering needs more active jobs than clusters (at least 3); there are " + jobs.size());
        }
        return Answer.of(clusterer.cluster(jobs, k), new ModelRef("kmeans++", "clusters-1", jobs.get(0).vector().length));
    }

    /** {@code job.search}: one page of the hybrid (lexical + semantic) ranking, paged by its cursor. */
    Answer search(EventEnvelope<JobSearchRequested> request) {
        JobSearchRequested q = request.payload();
        String tenant = request.tenantId();
        if (q.query() == null || q.query().isBlank()) {
            throw Problems.invalid("query", "must not be blank");
        }
        String query = q.query().strip();
        int n = Problems.limit(q.limit(), properties.search().defaultLimit(), properties.search().maxLimit(), "limit");
        String fingerprint = SearchCursor.fingerprint(tenant, query, q.location(), q.remote());
        int offset = SearchCursor.decode(q.cursor(), fingerprint);
        requireReady();
        JobSearch.Page page = search.search(tenant, query, new JobFilter(q.location(), q.remote()), n, offset, fingerprint)
                .blockOptional(STORE_WAIT).orElseThrow();
        return Answer.of(new JobSearchPage(query, page.hits(), page.total(), page.nextCursor()), model());
    }

    /** {@code job.candidates}: the tenant's resumes ranked for one of its jobs, paged by a cursor bound to the filters. */
    Answer candidates(EventEnvelope<CandidatesRequested> request) {
        CandidatesRequested q = request.payload();
        String tenant = request.tenantId();
        var settings = properties.candidates();
        int n = Problems.limit(q.limit(), settings.defaultLimit(), settings.maxLimit(), "limit");
        if (q.minScore() != null && !(q.minScore() >= 0 && q.minScore() <= 100)) {
            throw Problems.invalid("minScore", "must be a number between 0 and 100");
        }
        CandidateFilter filter = new CandidateFilter(q.minScore(), Problems.optionalText(q.location(), "location"), q.remote());
        String scope = CandidateCursor.scope(tenant, q.jobId(), filter);
        int offset = CandidateCursor.decode(q.cursor(), scope, settings.maxDepth());
        int pageSize = Math.min(n, settings.maxDepth() - offset);
        requireReady();
        JobProfile job = indexes.jobs().get(tenant, q.jobId());
        if (job == null) {
            throw Problems.jobPending(q.jobId());
        }
        CandidateRanker.Page page = ranker.rank(job, filter, offset, pageSize);
        int next = offset + pageSize;
        String nextCursor = page.more() && next < settings.maxDepth() ? CandidateCursor.encode(next, scope) : null;
        return Answer.of(new CandidatePage(q.jobId(), job.version(), n, page.candidates(), nextCursor), model());
    }

    /** {@code recommendations.query}: the open jobs best matching the resume's latest version. */
    Answer recommendations(EventEnvelope<RecommendationsRequested> request) {
        RecommendationsRequested q = request.payload();
        String tenant = request.tenantId();
        var settings = properties.recommendations();
        int n = Problems.limit(q.limit(), settings.defaultLimit(), settings.maxLimit(), "limit");
        requireReady();
        StoredDocument row = documents.resumeForRequest(tenant, q.resumeId()).blockOptional(STORE_WAIT)
                .orElseThrow(() -> ApiProblemException.notFound("Resume", q.resumeId()));
        ResumeProfile profile = profiles.resume(row);
        if (profile == null) {
            throw Problems.embeddingsPending(q.resumeId());
        }
        List<MatchResult> jobs = recommender.recommend(profile, n, new JobFilter(q.location(), q.remote()));
        return Answer.of(new RecommendationsPage(q.resumeId(), profile.version(), n, jobs), model());
    }

    private void requireReady() {
        if (!indexes.ready()) {
            throw Problems.indexLoading();
        }
    }

    private ModelRef model() {
        ModelInfo info = encoder.info();
        return new ModelRef(info.name(), info.version(), info.dimension());
    }
}
