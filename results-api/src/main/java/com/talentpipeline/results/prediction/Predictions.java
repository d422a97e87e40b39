package com.talentpipeline.results.prediction;

import com.talentpipeline.core.task.TaskIds;
import com.talentpipeline.results.prediction.PredictionView.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Builds the prediction of an upload from what the workers stored, without inventing anything. For each
 * part: the worker's row for the upload's version makes it {@code available} (or {@code missing} when the
 * row has no value); otherwise the worker's task of that version (ids from {@link TaskIds}) and the rows of
 * later versions say whether it {@code failed}, was {@code superseded} by a newer version, was
 * {@code deleted}, or is still {@code pending}.
 */
final class Predictions {

    static final String CAREER_PATH = "career_path";
    static final String RESUME_SCORE = "resume_score";
    static final String RECOMMENDATIONS = "recommendations";

    private Predictions() {
    }

    /** The worker task ids whose state the upload's parts may need. */
    static List<UUID> workerTaskIds(UploadRow upload) {
        return List.of(TaskIds.resumeScore(upload.tenantId(), upload.resumeId(), upload.version()),
                TaskIds.recommendations(upload.tenantId(), upload.resumeId(), upload.version()));
    }

    /** The prediction of the upload, given the workers' tasks of its version (absent = not started). */
    static PredictionView of(UploadRow upload, Map<UUID, UploadRow.WorkerTask> tasks) {
        UploadRow.WorkerTask scoring = tasks.get(TaskIds.resumeScore(upload.tenantId(), upload.resumeId(),
                upload.version()));
        UploadRow.WorkerTask matching = tasks.get(TaskIds.recommendations(upload.tenantId(), upload.resumeId(),
                upload.version()));
        PredictionView.CareerPath career = careerPath(upload, scoring);
        PredictionView.AtsScore ats = atsScore(upload, scoring);
        PredictionView.TopJobs jobs = topJobs(upload, matching);
        List<Status> states = List.of(career.status(), ats.status(), jobs.status());
        String status = states.contains(Status.PENDING) ? "pending"
                : states.stream().allMatch(s -> s == Status.AVAILABLE) ? "complete" : "incomplete";
        Instant updated = upload.updatedAt();
        for (UploadRow.PartRow part : upload.parts()) {
            if (part.version() == upload.version() && part.createdAt().isAfter(updated)) {
                updated = part.createdAt();
            }
        }
        // Shown for the current version only, as when the ingest API's one file row per resume was read; and
        // unknown (null) until the version's resume.submitted is projected: a missing row is no "json".
        boolean current = upload.version() == upload.currentVersion();
        boolean file = current && Boolean.TRUE.equals(upload.fromUpload());
        String source = !current || upload.fromUpload() == null ? null : file ? "file" : "json";
        String id = upload.taskId().toString();
        return new PredictionView(id, upload.resumeId(), upload.version(), current,
                status, source, file ? upload.fileName() : null, file ? upload.mediaType() : null, upload.userId(),
                career, ats, jobs,
                upload.createdAt(), updated, new PredictionView.Links("/v1/predictions/" + id, "/v1/tasks/" + id,
                        "/v1/resumes/" + upload.resumeId(), "/v1/resumes/" + upload.resumeId() + "/score"));
    }

    private static PredictionView.CareerPath careerPath(UploadRow upload, UploadRow.WorkerTask task) {
        Optional<UploadRow.PartRow> row = row(upload, CAREER_PATH);
        if (row.isEmpty()) {
            Absence a = absence(upload, CAREER_PATH, task, "career path", "scoring");
            return new PredictionView.CareerPath(a.status(), a.reason(), null, null, null, null, null, null);
        }
        UploadRow.PartRow r = row.get();
        JsonNode s = r.summary();
        String path = text(s, "career_path");
        List<PredictionView.RankedPath> top = new ArrayList<>();
        s.path("top").forEach(p -> top.add(new PredictionView.RankedPath(p.path("career_path").asString(),
                p.path("confidence").asDouble())));
        if (path == null) {
            return new PredictionView.CareerPath(Status.MISSING, "the scorer ranked no career path for this resume",
                    null, null, top, r.id().toString(), string(r.taskId()), r.createdAt());
        }
        return new PredictionView.CareerPath(Status.AVAILABLE, null, path, s.path("confidence").asDouble(), top,
                r.id().toString(), string(r.taskId()), r.createdAt());
    }

    private static PredictionView.AtsScore atsScore(UploadRow upload, UploadRow.WorkerTask task) {
        Optional<UploadRow.PartRow> row = row(upload, RESUME_SCORE);
        if (row.isEmpty()) {
            Absence a = absence(upload, RESUME_SCORE, task, "ATS score", "scoring");
            return new PredictionView.AtsScore(a.status(), a.reason(), null, null, null, null, null, null);
        }
        UploadRow.PartRow r = row.get();
        JsonNode s = r.summary();
        if (!s.path("ats_score").isNumber()) {
            return new PredictionView.AtsScore(Status.MISSING, "the scorer stored no ATS score for this version",
                    null, null, null, r.id().toString(), string(r.taskId()), r.createdAt());
        }
        return new PredictionView.AtsScore(Status.AVAILABLE, null, s.path("ats_score").asInt(),
                s.path("overall_score").isNumber() ? s.path("overall_score").asInt() : null, text(s, "grade"),
                r.id().toString(), string(r.taskId()), r.createdAt());
    }

    private static PredictionView.TopJobs topJobs(UploadRow upload, UploadRow.WorkerTask task) {
        Optional<UploadRow.PartRow> row = row(upload, RECOMMENDATIONS);
        if (row.isEmpty()) {
            if (task == null && "FAILED".equals(upload.state())) {
                // Top jobs are ranked from the resume's embeddings: without them the matching worker never starts.
                return new PredictionView.TopJobs(Status.FAILED, "the resume's embeddings could not be computed ("
                        + upload.errorCode() + ": " + upload.errorMessage() + "); top jobs need them", null, null,
                        null, null);
            }
            Absence a = absence(upload, RECOMMENDATIONS, task, "top jobs",
                    "SUCCEEDED".equals(upload.state()) ? "matching" : "embedding");
            return new PredictionView.TopJobs(a.status(), a.reason(), null, null, null, null);
        }
        UploadRow.PartRow r = row.get();
        List<PredictionView.Job> jobs = new ArrayList<>();
        r.summary().path("jobs").forEach(j -> jobs.add(new PredictionView.Job(text(j, "jobId"), text(j, "title"),
                j.path("match_percentage").isNumber() ? j.path("match_percentage").asDouble() : null)));
        return new PredictionView.TopJobs(Status.AVAILABLE,
                jobs.isEmpty() ? "the tenant had no active job to recommend when this version was matched" : null,
                jobs, r.id().toString(), string(r.taskId()), r.createdAt());
    }

    /** Why a part of the upload's version has no row. */
    private static Absence absence(UploadRow upload, String kind, UploadRow.WorkerTask task, String what,
            String worker) {
        if (task != null && "FAILED".equals(task.state())) {
            return new Absence(Status.FAILED, "the " + worker + " worker failed on this version ("
                    + task.errorCode() + ": " + task.errorMessage() + ")");
        }
        if (task != null && "SUCCEEDED".equals(task.state())) {
            // Workers store the row before their task turns SUCCEEDED: without the row it was deleted.
            return new Absence(Status.DELETED, "the " + what + " was computed and then deleted");
        }
        // A worker skips a version once a newer one is stored (its task may stay RUNNING).
        Optional<Integer> newer = upload.parts().stream().filter(p -> p.kind().equals(kind))
                .map(UploadRow.PartRow::version).filter(v -> v > upload.version()).max(Integer::compare);
        if (newer.isPresent()) {
            return new Absence(Status.SUPERSEDED, "version " + newer.get() + " of the resume was processed first; the "
                    + what + " of version " + upload.version() + " will not be computed");
        }
        if (task != null && "RUNNING".equals(task.state())) {
            return new Absence(Status.PENDING, "the " + worker + " worker is computing it");
        }
        return new Absence(Status.PENDING, "waiting for the " + worker + " worker");
    }

    private static Optional<UploadRow.PartRow> row(UploadRow upload, String kind) {
        return upload.parts().stream().filter(p -> p.kind().equals(kind) && p.version() == upload.version()).findFirst();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() ? v.asString() : null;
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private record Absence(Status status, String reason) {
    }
}
