package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.config.PipelineProperties;
import com.talentpipeline.core.config.SchemaMigrator;
import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.task.ErrorCode;
import com.talentpipeline.core.task.TaskError;
import com.talentpipeline.core.task.TaskState;
import com.talentpipeline.core.task.intake.TaskRows;
import com.talentpipeline.core.task.store.TaskErasure;
import com.talentpipeline.core.task.store.TaskReads;
import com.talentpipeline.core.task.store.TaskRow;
import com.talentpipeline.results.prediction.PredictionStore;
import com.talentpipeline.results.prediction.UploadRow;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The task and erasure kits' API against a real PostgreSQL migrated by the kit sets: reads are scoped by tenant
 * and page newest first by keyset, the newest result of the highest version wins, a subject's erasure removes its
 * tasks and results (never an erasure task) and reports counts per table, the erasure task's own row ends once
 * with its result, and a guarded write does nothing once its subject is erased. Also the results API's
 * {@link PredictionStore}, whose page is the kit's page of upload tasks plus its own query of their resumes.
 */
class TaskKitStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, ZoneOffset.UTC);

    private static EmbeddedPostgres postgres;
    private static DatabaseClient db;
    private static TransactionalOperator tx;

    private final TaskReads reads = new TaskReads(db);

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("unix_socket_directories", "''").start();
        // The results API's sets (the kits' and its own), then ingest's: PredictionStore joins the resume rows.
        for (String service : List.of("results-api", "ingest-api")) {
            new SchemaMigrator(new PipelineProperties.Db(true, postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                    "", SchemaMigrationTest.locations(service))).afterPropertiesSet();
        }
        ConnectionFactory factory = ConnectionFactories.get(
                "r2dbc:postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
        db = DatabaseClient.create(factory);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(factory));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("TRUNCATE tasks, task_results, idempotency_keys, erased_subjects, resumes, predictions, resume_versions CASCADE");
    }

    @Test
    void findAndFindAllSeeOnlyTheTenantsTasks() throws SQLException {
        UUID mine = task("a", "resume.embedding", "SUCCEEDED", "r1", 1, 0);
        UUID theirs = task("b", "resume.embedding", "SUCCEEDED", "r9", 1, 1);
        execute("UPDATE tasks SET callback_url = 'https://example.test/hook', cache_hit = true WHERE id = '" + mine + "'");

        TaskRow found = reads.find("a", mine).block(WAIT);
        assertThat(found.subjectId()).isEqualTo("r1");
        assertThat(found.subjectVersion()).isEqualTo(1);
        assertThat(found.cacheHit()).isTrue();
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(reads.find("a", theirs).block(WAIT)).isNull();
        assertThat(reads.findAll("a", List.of(mine, theirs, UUID.randomUUID())).block(WAIT)).containsOnlyKeys(mine);
        assertThat(reads.findAll("a", List.of()).block(WAIT)).isEmpty();
        assertThat(reads.callbackUrl("a", mine).block(WAIT)).isEqualTo("https://example.test/hook");
        assertThat(reads.callbackUrl("b", mine).block(WAIT)).isNull();
    }

    @Test
    void pagesAreNewestFirstAfterTheKeysetAndFiltered() throws SQLException {
        UUID oldest = task("a", "resume.embedding", "SUCCEEDED", "r1", 1, 0);
        UUID middle = task("a", "resume.score", "RUNNING", "r1", null, 1);
        UUID newest = task("a", "resume.embedding", "ACCEPTED", "r2", 1, 2);
        UUID unversioned = task("a", "resume.embedding", "ACCEPTED", "r3", null, 3);
        task("b", "resume.embedding", "ACCEPTED", "r2", 1, 4);

        assertThat(ids(reads.page("a", null, null, null, null, 2).collectList().block(WAIT)))
                .containsExactly(unversioned, newest);
        assertThat(ids(reads.page("a", null, null, T0.plusSeconds(2), newest, 10).collectList().block(WAIT)))
                .containsExactly(middle, oldest);
        assertThat(ids(reads.page("a", "RUNNING", null, null, null, 10).collectList().block(WAIT)))
                .containsExactly(middle);
        assertThat(ids(reads.versionedPage("a", "resume.embedding", null, null, null, 10).collectList().block(WAIT)))
                .containsExactly(newest, oldest);
        assertThat(ids(reads.versionedPage("a", "resume.embedding", List.of("r1"), null, null, 10).collectList()
                .block(WAIT))).containsExactly(oldest);
        assertThat(reads.versionedPage("a", "resume.embedding", List.of(), null, null, 10).collectList().block(WAIT))
                .isEmpty();
        assertThat(reads.countByTypeAndState().collectList().block(WAIT))
                .contains(new TaskReads.StateCount("resume.embedding", "ACCEPTED", 3));
    }

    @Test
    void theNewestResultOfTheHighestVersionWins() throws SQLException {
        UUID v2 = task("a", "resume.score", "SUCCEEDED", "r1", null, 0);
        result(v2, "a", "r1", "resume.score", "{\"version\": 2, \"score\": 70}", 0);
        UUID v1Late = task("a", "resume.score", "SUCCEEDED", "r1", null, 5);
        result(v1Late, "a", "r1", "resume.score", "{\"version\": 1, \"score\": 10}", 5);

        assertThat(reads.latestResult("a", "r1", "resume.score").block(WAIT).path("score").asInt()).isEqualTo(70);
        assertThat(reads.latestResult("b", "r1", "resume.score").block(WAIT)).isNull();
        TaskReads.SubjectResult score = reads.latestSucceeded("a", "r1", "resume.score",
                List.of("resume.embedding", "resume.score")).block(WAIT);
        assertThat(score.subjectKnown()).isTrue();
        assertThat(score.taskId()).isEqualTo(v2);
        TaskReads.SubjectResult unknown = reads.latestSucceeded("a", "r2", "resume.score",
                List.of("resume.embedding", "resume.score")).block(WAIT);
        assertThat(unknown.subjectKnown()).isFalse();
        assertThat(unknown.result()).isNull();
        TaskReads.SubjectTask newest = reads.latestTask("a", "r1", "resume.score").block(WAIT);
        assertThat(newest.taskId()).isEqualTo(v1Late);
        assertThat(newest.result().path("score").asInt()).isEqualTo(10);
        assertThat(reads.result(v2).block(WAIT).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void erasingASubjectRemovesItsTasksAndResultsButNotTheErasureTask() throws SQLException {
        UUID upload = task("a", "resume.embedding", "SUCCEEDED", "r1", 1, 0);
        result(upload, "a", "r1", "resume.embedding", "{\"version\": 1}", 0);
        task("a", "resume.score", "RUNNING", "r1", null, 1);
        UUID erasure = task("a", "erasure", "RUNNING", "r1", null, 2);
        UUID other = task("a", "resume.embedding", "SUCCEEDED", "r2", 1, 3);
        UUID otherTenant = task("b", "resume.embedding", "SUCCEEDED", "r1", 1, 4);
        execute("INSERT INTO idempotency_keys VALUES ('a', 'k1', 'h', '" + upload + "', 'r1', now()),"
                + " ('a', 'k2', 'h', '" + other + "', 'r2', now())");
        TaskErasure erase = new TaskErasure(db);

        Map<String, Long> counts = tx.transactional(erase.eraseIdempotencyKeys("a", "r1")
                .then(erase.eraseSubject("a", "r1"))).block(WAIT);

        assertThat(counts).containsExactly(Map.entry("task_results", 1L), Map.entry("tasks", 2L));
        assertThat(reads.findAll("a", List.of(upload, erasure, other)).block(WAIT)).containsOnlyKeys(erasure, other);
        assertThat(reads.find("b", otherTenant).block(WAIT)).isNotNull();
        assertThat(count("SELECT count(*) FROM idempotency_keys")).isEqualTo(1);
    }

    @Test
    void aRunningTaskMovesForwardAndEndsOnceWithItsResult() throws SQLException {
        UUID erasure = task("a", "erasure", "RUNNING", "r1", null, 0);
        TaskRows rows = new TaskRows(db);

        rows.progress(erasure, 50, T0.plusSeconds(1)).block(WAIT);
        rows.progress(erasure, 30, T0.plusSeconds(2)).block(WAIT);
        assertThat(reads.find("a", erasure).block(WAIT).progress()).isEqualTo(50);

        var result = PipelineJson.mapper().readTree("{\"participants\": {\"ingest\": {}}}");
        TaskError error = new TaskError(ErrorCode.ERASURE_INCOMPLETE, "no report from rag");
        assertThat(tx.transactional(rows.finish(erasure, TaskState.FAILED, error, result, T0.plusSeconds(3)))
                .block(WAIT)).isTrue();
        assertThat(tx.transactional(rows.finish(erasure, TaskState.SUCCEEDED, null, result, T0.plusSeconds(4)))
                .block(WAIT)).isFalse();
        TaskRow ended = reads.find("a", erasure).block(WAIT);
        assertThat(ended.state()).isEqualTo("FAILED");
        assertThat(ended.progress()).isEqualTo(100);
        assertThat(ended.errorCode()).isEqualTo("ERASURE_INCOMPLETE");
        assertThat(ended.finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(reads.result(erasure).block(WAIT).has("participants")).isTrue();
        assertThat(count("SELECT count(*) FROM task_results WHERE type = 'erasure'")).isEqualTo(1);
    }

    @Test
    void aGuardedWriteRunsUntilItsSubjectIsErased() {
        Mono<String> write = Mono.fromSupplier(() -> "written");
        assertThat(tx.transactional(ErasedSubjects.unlessErased(db, "a", "r1", write)).block(WAIT)).isEqualTo("written");
        assertThat(ErasedSubjects.isErased(db, "a", "r1").block(WAIT)).isFalse();

        tx.transactional(ErasedSubjects.record(db, "a", "r1")).block(WAIT);

        assertThat(ErasedSubjects.isErased(db, "a", "r1").block(WAIT)).isTrue();
        assertThat(tx.transactional(ErasedSubjects.unlessErased(db, "a", "r1", write)).block(WAIT)).isNull();
        assertThat(ErasedSubjects.isErased(db, "b", "r1").block(WAIT)).isFalse();
    }

    @Test
    void aPredictionPageIsTheKitsPageOfUploadsWithTheProjectionsOwnersAndFiles() throws SQLException {
        PredictionStore predictions = new PredictionStore(db);
        UUID first = task("a", "resume.embedding", "SUCCEEDED", "r1", 1, 0);
        task("a", "resume.embedding", "SUCCEEDED", "r2", 1, 1);
        UUID unprojected = task("a", "resume.embedding", "SUCCEEDED", "r3", 1, 2);
        task("a", "resume.embedding", "SUCCEEDED", "r4", 1, 3);
        task("a", "resume.embedding", "SUCCEEDED", "r4", 2, 4);
        task("a", "resume.score", "SUCCEEDED", "r4", null, 5);
        task("b", "resume.embedding", "SUCCEEDED", "r1", 1, 6);
        // r3's resume.submitted is not projected yet; r4's owner is the user its newest version named.
        execute("INSERT INTO resume_versions (tenant_id, resume_id, version, user_id, upload, file_name, media_type,"
                + " submitted_at) VALUES ('a', 'r1', 1, 'u1', true, 'cv.pdf', 'application/pdf', now()),"
                + " ('a', 'r2', 1, 'u2', false, null, null, now()), ('a', 'r4', 1, 'u2', false, null, null, now()),"
                + " ('a', 'r4', 2, 'u1', false, null, null, now())");

        // Limit 2 reads 3 uploads (to know there is a next page), newest first, only the versioned upload tasks.
        List<UploadRow> page = predictions.page("a", null, null, null, null, 2).collectList().block(WAIT);
        assertThat(page).extracting(UploadRow::resumeId).containsExactly("r4", "r4", "r3");
        assertThat(page).extracting(UploadRow::currentVersion).containsExactly(2, 2, 1);
        assertThat(page.get(2).fromUpload()).as("not projected yet: unknown, never guessed").isNull();
        assertThat(predictions.page("a", "u1", null, null, null, 20).collectList().block(WAIT))
                .extracting(UploadRow::resumeId).containsExactly("r4", "r4", "r1");
        assertThat(predictions.page("a", "u1", "r2", null, null, 20).count().block(WAIT)).isZero();
        assertThat(predictions.page("a", null, "r2", null, null, 20).count().block(WAIT)).isEqualTo(1);
        assertThat(predictions.page("b", null, null, null, null, 20).count().block(WAIT)).isEqualTo(1);
        UploadRow upload = predictions.find("a", first).block(WAIT);
        assertThat(upload.fileName()).isEqualTo("cv.pdf");
        assertThat(upload.userId()).isEqualTo("u1");
        assertThat(upload.fromUpload()).isTrue();
        assertThat(predictions.find("b", first).hasElement().block(WAIT)).isFalse();
        assertThat(predictions.find("a", unprojected).block(WAIT).userId()).isNull();
        assertThat(predictions.deleteUpload("a", first).block(WAIT)).isZero();
    }

    private static List<UUID> ids(List<TaskRow> rows) {
        return rows.stream().map(TaskRow::id).toList();
    }

    /** A task row created {@code second}s after T0. */
    private static UUID task(String tenant, String type, String state, String subject, Integer version, int second)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO tasks (id, tenant_id, type, state, subject_id, subject_version, progress, created_at,
                                   updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.setString(3, type);
            s.setString(4, state);
            s.setString(5, subject);
            s.setObject(6, version);
            s.setObject(7, T0.plusSeconds(second));
            s.setObject(8, T0.plusSeconds(second));
            s.executeUpdate();
        }
        return id;
    }

    private static void result(UUID task, String tenant, String subject, String type, String json, int second)
            throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO task_results VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)")) {
            s.setObject(1, task);
            s.setString(2, tenant);
            s.setString(3, subject);
            s.setString(4, type);
            s.setString(5, json);
            s.setObject(6, T0.plusSeconds(second));
            s.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
