package com.talentpipeline.core.topic;

import com.talentpipeline.core.career.CareerRequested;
import com.talentpipeline.core.image.ImageRequested;
import com.talentpipeline.core.image.ImageSubmitted;
import com.talentpipeline.core.kafka.reply.Reply;
import com.talentpipeline.core.match.CandidatesRequested;
import com.talentpipeline.core.match.JobClustersRequested;
import com.talentpipeline.core.match.JobSearchRequested;
import com.talentpipeline.core.match.MatchBatchRequested;
import com.talentpipeline.core.match.MatchRequested;
import com.talentpipeline.core.match.RecommendationsRequested;
import com.talentpipeline.core.rag.RagLookup;
import com.talentpipeline.core.rag.RagRequested;
import com.talentpipeline.core.job.JobEmbeddings;
import com.talentpipeline.core.job.JobSubmitted;
import com.talentpipeline.core.model.WorkerModels;
import com.talentpipeline.core.resume.ResumeEmbeddings;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.core.resume.ResumeUpdated;
import com.talentpipeline.core.resume.ResumeScored;
import com.talentpipeline.core.resume.RecommendationsUpdated;
import com.talentpipeline.core.task.TaskEvent;
import java.util.List;

/**
 * The registry of every topic in the pipeline. Listeners and producers name topics through these
 * constants (or {@code Topics.X.name()} in annotations via the {@code *_NAME} constants), never as
 * scattered string literals.
 *
 * <p>Partition counts: 6 on the work topics caps a worker group at 6 consumers, enough for this
 * product's scale; results topics are compacted so a restarted consumer can rebuild its state.
 *
 * <p>Bad-record policies: the topics that carry work a client submitted ({@code *.submitted},
 * {@code task.events}) dead-letter a record their consumer cannot decode and fail its task; the derived
 * and announcement topics ({@code *.embedded}, {@code model.registry}, {@code resume.updated},
 * {@code resume.scored}, {@code recommendations.updated}) skip and count it (see {@link BadRecordPolicy}).
 */
public final class Topics {

    public static final String RESUME_SUBMITTED_NAME = "resume.submitted";
    public static final String RESUME_EMBEDDED_NAME = "resume.embedded";
    public static final String JOB_SUBMITTED_NAME = "job.submitted";
    public static final String JOB_EMBEDDED_NAME = "job.embedded";
    public static final String TASK_EVENTS_NAME = "task.events";
    public static final String MODEL_REGISTRY_NAME = "model.registry";
    public static final String RESUME_UPDATED_NAME = "resume.updated";
    public static final String RESUME_SCORED_NAME = "resume.scored";
    public static final String RECOMMENDATIONS_UPDATED_NAME = "recommendations.updated";
    public static final String INTERVIEW_SUBMITTED_NAME = "interview.submitted";
    public static final String IMAGE_SUBMITTED_NAME = "image.submitted";
    public static final String IMAGE_REQUESTED_NAME = "image.requested";
    public static final String RAG_REQUESTED_NAME = "rag.requested";
    public static final String CAREER_REQUESTED_NAME = "career.requested";
    public static final String MATCH_REQUESTED_NAME = "match.requested";
    public static final String MATCH_BATCH_REQUESTED_NAME = "match.batch.requested";
    public static final String JOB_CLUSTERS_REQUESTED_NAME = "job.clusters.requested";
    public static final String JOB_SEARCH_REQUESTED_NAME = "job.search.requested";
    public static final String JOB_CANDIDATES_REQUESTED_NAME = "job.candidates.requested";
    public static final String RECOMMENDATIONS_REQUESTED_NAME = "recommendations.requested";
    public static final String REQUEST_REPLIES_NAME = "request.replies";
    public static final String SCORE_REQUESTED_NAME = "score.requested";
    public static final String TAXONOMY_REQUESTED_NAME = "taxonomy.requested";
    public static final String RAG_LOOKUP_NAME = "rag.lookup";

    /**
     * Record size limit of the embedded topics (8 MiB); the embedding worker's producer sends up to this
     * ({@code max.request.size}). A resume at the ingest limits with 512 chunks stays far below it.
     */
    public static final int EMBEDDED_MAX_BYTES = 8 * 1024 * 1024;

    /**
     * Record size limit of the image topics (32 MiB): the events carry the images, base64 in JSON (4/3 of
     * the bytes); two images at the upload limit (10 MB each, {@code compare}) stay below it. The ingest
     * API's producer sends up to this ({@code max.request.size}).
     */
    public static final int IMAGE_MAX_BYTES = 32 * 1024 * 1024;

    /** A resume (new or new version) to process; key = resume id. */
    public static final Topic<ResumeSubmitted> RESUME_SUBMITTED =
            new Topic<>(RESUME_SUBMITTED_NAME, ResumeSubmitted.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);
    /**
     * Every vector of each resume's latest version (sections, skills, profile, retrieval chunks), with its
     * content; compacted, key = resume id. Records reach a few hundred KB (a 384-d vector is about 2 KB
     * packed), so the topic takes records up to {@link #EMBEDDED_MAX_BYTES}.
     */
    public static final Topic<ResumeEmbeddings> RESUME_EMBEDDED =
            new Topic<>(RESUME_EMBEDDED_NAME, ResumeEmbeddings.class, 6, true, Topics.EMBEDDED_MAX_BYTES,
                    BadRecordPolicy.SKIP_AND_COUNT);
    /** A job posting to process; key = job id. */
    public static final Topic<JobSubmitted> JOB_SUBMITTED =
            new Topic<>(JOB_SUBMITTED_NAME, JobSubmitted.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);
    /** Section and skill vectors of each job's latest version; compacted, key = job id. */
    public static final Topic<JobEmbeddings> JOB_EMBEDDED =
            new Topic<>(JOB_EMBEDDED_NAME, JobEmbeddings.class, 6, true, Topics.EMBEDDED_MAX_BYTES,
                    BadRecordPolicy.SKIP_AND_COUNT);
    /** Task state changes from every worker (RUNNING, progress, SUCCEEDED, FAILED); key = subject id. */
    public static final Topic<TaskEvent> TASK_EVENTS =
            new Topic<>(TASK_EVENTS_NAME, TaskEvent.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A resume got a new version (PUT); for webhook delivery; key = resume id. */
    public static final Topic<ResumeUpdated> RESUME_UPDATED =
            new Topic<>(RESUME_UPDATED_NAME, ResumeUpdated.class, 6, false,
                    BadRecordPolicy.SKIP_AND_COUNT);

    /** A resume version was (re-)scored by the scoring worker; for webhooks ({@code resume.rescored}); key = resume id. */
    public static final Topic<ResumeScored> RESUME_SCORED =
            new Topic<>(RESUME_SCORED_NAME, ResumeScored.class, 6, false,
                    BadRecordPolicy.SKIP_AND_COUNT);

    /** A resume's recommended jobs were recomputed by the matching worker; for webhooks; key = resume id. */
    public static final Topic<RecommendationsUpdated> RECOMMENDATIONS_UPDATED =
            new Topic<>(RECOMMENDATIONS_UPDATED_NAME, RecommendationsUpdated.class, 6, false,
                    BadRecordPolicy.SKIP_AND_COUNT);

    /** An interview transcript to score (scoring worker); key = interview id. */
    public static final Topic<com.talentpipeline.core.interview.InterviewSubmitted> INTERVIEW_SUBMITTED =
            new Topic<>(INTERVIEW_SUBMITTED_NAME, com.talentpipeline.core.interview.InterviewSubmitted.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** An uploaded image, with its bytes, for object discovery (detection worker); key = image id. */
    public static final Topic<ImageSubmitted> IMAGE_SUBMITTED =
            new Topic<>(IMAGE_SUBMITTED_NAME, ImageSubmitted.class, 6, false, Topics.IMAGE_MAX_BYTES,
                    BadRecordPolicy.DEAD_LETTER);

    /**
     * An image question a client waits for (detect, compare, match-text), asked at the front door and
     * answered by the detection worker (request-reply); key = task id. Records carry the images.
     */
    public static final Topic<ImageRequested> IMAGE_REQUESTED =
            new Topic<>(IMAGE_REQUESTED_NAME, ImageRequested.class, 6, false, Topics.IMAGE_MAX_BYTES,
                    BadRecordPolicy.DEAD_LETTER);

    /** A question about a resume, asked at the front door, answered by the RAG worker (request-reply); key = resume id. */
    public static final Topic<RagRequested> RAG_REQUESTED =
            new Topic<>(RAG_REQUESTED_NAME, RagRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A career-path prediction (scoring worker, request-reply); key = resume id, or task id without a resume. */
    public static final Topic<CareerRequested> CAREER_REQUESTED =
            new Topic<>(CAREER_REQUESTED_NAME, CareerRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A resume-job comparison (matching worker), always answered as a task; key = resume id. */
    public static final Topic<MatchRequested> MATCH_REQUESTED =
            new Topic<>(MATCH_REQUESTED_NAME, MatchRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A resume compared with many jobs (matching worker), always a {@code match.batch} task; key = resume id. */
    public static final Topic<MatchBatchRequested> MATCH_BATCH_REQUESTED =
            new Topic<>(MATCH_BATCH_REQUESTED_NAME, MatchBatchRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** K-means over a tenant's active jobs (matching worker, request-reply); key = tenant id. */
    public static final Topic<JobClustersRequested> JOB_CLUSTERS_REQUESTED =
            new Topic<>(JOB_CLUSTERS_REQUESTED_NAME, JobClustersRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A job search over the matching worker's index (request-reply); key = tenant id. */
    public static final Topic<JobSearchRequested> JOB_SEARCH_REQUESTED =
            new Topic<>(JOB_SEARCH_REQUESTED_NAME, JobSearchRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A job's ranked candidates from the matching worker's index (request-reply); key = job id. */
    public static final Topic<CandidatesRequested> JOB_CANDIDATES_REQUESTED =
            new Topic<>(JOB_CANDIDATES_REQUESTED_NAME, CandidatesRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A resume's recommended jobs from the matching worker's index (request-reply); key = resume id. */
    public static final Topic<RecommendationsRequested> RECOMMENDATIONS_REQUESTED =
            new Topic<>(RECOMMENDATIONS_REQUESTED_NAME, RecommendationsRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A resume's score against a job (scoring worker, query: reply only, no task); key = resume id. */
    public static final Topic<com.talentpipeline.core.score.ScoreRequested> SCORE_REQUESTED =
            new Topic<>(SCORE_REQUESTED_NAME, com.talentpipeline.core.score.ScoreRequested.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A change or read of the caller's stored career taxonomies (scoring worker, query); key = taxonomy id or tenant. */
    public static final Topic<com.talentpipeline.core.career.TaxonomyRequested> TAXONOMY_REQUESTED =
            new Topic<>(TAXONOMY_REQUESTED_NAME, com.talentpipeline.core.career.TaxonomyRequested.class, 3, false,
                    BadRecordPolicy.DEAD_LETTER);

    /** A read of the RAG worker's index: a resume, info, health (query); key = resume id or tenant. */
    public static final Topic<RagLookup> RAG_LOOKUP =
            new Topic<>(RAG_LOOKUP_NAME, RagLookup.class, 6, false,
                    BadRecordPolicy.DEAD_LETTER);

    /**
     * Workers' replies to the requests above; key = correlation id. Every front-door instance reads all
     * partitions without a group and keeps the replies it waits for, so the count is only about broker load.
     */
    public static final Topic<Reply> REQUEST_REPLIES =
            new Topic<>(REQUEST_REPLIES_NAME, Reply.class, 3, false,
                    // A reply nobody can read: the waiter falls back to 202 and the task event completes the task.
                    BadRecordPolicy.SKIP_AND_COUNT);

    /**
     * The models each worker instance has loaded; compacted, key = {@code service/instance}, a tombstone
     * when the instance stops. One partition: a handful of small records, read whole by the results API.
     */
    public static final Topic<WorkerModels> MODEL_REGISTRY =
            new Topic<>(MODEL_REGISTRY_NAME, WorkerModels.class, 1, true,
                    BadRecordPolicy.SKIP_AND_COUNT);

    private static final List<Topic<?>> ALL =
            List.of(RESUME_SUBMITTED, RESUME_EMBEDDED, JOB_SUBMITTED, JOB_EMBEDDED, TASK_EVENTS, RESUME_UPDATED,
                    MODEL_REGISTRY, RESUME_SCORED, RECOMMENDATIONS_UPDATED,
                    INTERVIEW_SUBMITTED, IMAGE_SUBMITTED, IMAGE_REQUESTED, RAG_REQUESTED, CAREER_REQUESTED,
                    MATCH_REQUESTED, MATCH_BATCH_REQUESTED, JOB_CLUSTERS_REQUESTED, JOB_SEARCH_REQUESTED,
                    JOB_CANDIDATES_REQUESTED, RECOMMENDATIONS_REQUESTED, SCORE_REQUESTED, TAXONOMY_REQUESTED,
                    RAG_LOOKUP, REQUEST_REPLIES);

    private Topics() {
    }

    /** Every topic of the pipeline (dead-letter topics not included; see {@link Topic#deadLetterTopic()}). */
    public static List<Topic<?>> all() {
        return ALL;
    }

    /** Looks a topic up by name. */
    public static Topic<?> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
