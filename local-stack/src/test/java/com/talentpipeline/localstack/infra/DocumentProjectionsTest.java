package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.config.PipelineProperties;
import com.talentpipeline.core.config.SchemaMigrator;
import com.talentpipeline.core.erasure.ErasedSubjects;
import com.talentpipeline.core.job.Job;
import com.talentpipeline.core.job.JobStatus;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.resume.ResumeSubmitted;
import com.talentpipeline.matching.store.DocumentStore;
import com.talentpipeline.matching.store.StoredResume;
import com.talentpipeline.scoring.store.Documents;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The scoring and matching workers' document projections against a real PostgreSQL migrated by the
 * services' own sets: the upsert keeps the highest version (a replayed or older record changes nothing),
 * never brings back an erased resume, and matching's job search vector is exactly ingest's
 * {@code jobs.search}.
 */
class DocumentProjectionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Resume V1 = resume("Backend engineer");
    private static final Resume V2 = resume("Backend engineer, open to remote work");

    private static EmbeddedPostgres postgres;
    private static DatabaseClient db;
    private static Documents scoring;
    private static DocumentStore matching;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("unix_socket_directories", "''").start();
        String jdbc = postgres.getJdbcUrl("postgres", "postgres");
        new SchemaMigrator(new PipelineProperties.Db(true, jdbc, "postgres", "",
                List.of("core/erasure", "ingest", "scoring", "matching"))).afterPropertiesSet();
        ConnectionFactory connections = ConnectionFactories.get(
                "r2dbc:postgresql://postgres@localhost:" + postgres.getPort() + "/postgres");
        db = DatabaseClient.create(connections);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        scoring = new Documents(db, tx);
        matching = new DocumentStore(db, tx, Duration.ZERO, Duration.ZERO);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void scoringKeepsTheLatestVersionWhateverTheOrderAndNeverAnErasedResume() {
        assertThat(scoring.saveResume("t1", "r1", 2, V2, "file text v2").block(WAIT)).isTrue();
        assertThat(scoring.saveResume("t1", "r1", 1, V1, "file text v1").block(WAIT)).as("older").isFalse();
        assertThat(scoring.saveResume("t1", "r1", 2, V1, null).block(WAIT)).as("replayed").isFalse();
        Documents.StoredResume stored = scoring.resume("t1", "r1").block(WAIT);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.resume().summary()).isEqualTo(V2.summary());
        assertThat(stored.sourceText()).isEqualTo("file text v2");
        assertThat(scoring.resume("t2", "r1").block(WAIT)).as("another tenant's id").isNull();

        assertThat(scoring.saveResume("t1", "r1", 3, V1, null).block(WAIT)).as("a JSON version").isTrue();
        assertThat(scoring.resume("t1", "r1").block(WAIT).sourceText()).isNull();

        ErasedSubjects.record(db, "t1", "r1").block(WAIT);
        assertThat(scoring.erase("t1", "r1").block(WAIT)).isEqualTo(1L);
        assertThat(scoring.erase("t1", "r1").block(WAIT)).isZero();
        assertThat(scoring.saveResume("t1", "r1", 4, V2, null).block(WAIT)).as("erased").isFalse();
        assertThat(scoring.resume("t1", "r1").block(WAIT)).isNull();
        assertThat(scoring.erased("t1", "r1").block(WAIT)).isTrue();
        assertThat(scoring.erased("t1", "r2").block(WAIT)).isFalse();

        assertThat(scoring.saveJob("t1", "j1", 2, job("Data engineer")).block(WAIT)).isTrue();
        assertThat(scoring.saveJob("t1", "j1", 1, job("Old title")).block(WAIT)).isFalse();
        assertThat(scoring.job("t1", "j1").block(WAIT).title()).isEqualTo("Data engineer");
    }

    @Test
    void matchingKeepsTheLatestVersionWithTheUploadsLocationAndRemoteMention() {
        var upload = new ResumeSubmitted.ResumeUpload("u1", "cv.pdf", "application/pdf",
                "Ada Lovelace\nPune, Maharashtra\nHappy to work from home", 60, "Pune");
        assertThat(matching.saveResume("t1", "m1", 1, "h1", V1, upload).block(WAIT)).isTrue();
        assertThat(matching.saveResume("t1", "m1", 1, "h1", V1, null).block(WAIT)).as("replayed").isFalse();
        StoredResume first = matching.resumes("t1", List.of("m1")).blockFirst(WAIT);
        assertThat(first.location()).isEqualTo("Pune");
        assertThat(first.remote()).as("the file's text mentions it").isTrue();
        assertThat(first.document().contentHash()).isEqualTo("h1");

        assertThat(matching.saveResume("t1", "m1", 2, "h2", V1, null).block(WAIT)).isTrue();
        StoredResume json = matching.resumes("t1", List.of("m1")).blockFirst(WAIT);
        assertThat(json.location()).isNull();
        assertThat(json.remote()).as("a JSON version whose summary does not mention it").isFalse();
        assertThat(matching.saveResume("t1", "m1", 3, "h3", V2, null).block(WAIT)).isTrue();
        assertThat(matching.resume("t1", "m1").block(WAIT).version()).isEqualTo(3);
        assertThat(matching.resumes("t1", List.of("m1")).blockFirst(WAIT).remote()).as("in the summary").isTrue();
        assertThat(matching.resume("t2", "m1").block(WAIT)).isNull();

        ErasedSubjects.record(db, "t1", "m1").block(WAIT);
        assertThat(matching.erase("t1", "m1").block(WAIT)).isEqualTo(1L);
        assertThat(matching.saveResume("t1", "m1", 4, "h4", V2, null).block(WAIT)).as("erased").isFalse();
        assertThat(matching.resume("t1", "m1").block(WAIT)).isNull();
    }

    @Test
    void matchingsJobSearchVectorIsIngestsAndFollowsTheLatestVersion() throws Exception {
        Job job = new Job("Senior data engineer", "Acme", "Berlin", null, JobStatus.ACTIVE,
                List.of(new Job.JobSkill("Python"), new Job.JobSkill("Spark")), List.of("5 years of ETL"),
                "Build pipelines for analytics", true);
        assertThat(matching.saveJob("t1", "j9", 1, "h1", job).block(WAIT)).isTrue();
        execute("""
                INSERT INTO jobs (id, tenant_id, version, content, content_hash, status, created_at, updated_at)
                SELECT id, tenant_id, version, content, content_hash, status, now(), now() FROM matching_jobs WHERE id = 'j9'""");
        assertThat(query("SELECT search::text FROM matching_jobs WHERE id = 'j9'"))
                .isEqualTo(query("SELECT search::text FROM jobs WHERE id = 'j9'")).contains("'spark':", "'etl':");
        assertThat(matching.job("t1", "j9").block(WAIT).status()).isEqualTo("active");

        Job closed = new Job("Senior data engineer", "Acme", "Berlin", null, JobStatus.CLOSED, job.skills(),
                job.requirements(), "Hiring for Kafka", true);
        assertThat(matching.saveJob("t1", "j9", 2, "h2", closed).block(WAIT)).isTrue();
        assertThat(matching.saveJob("t1", "j9", 1, "h1", job).block(WAIT)).as("older").isFalse();
        assertThat(matching.jobsAnyTenant(List.of("j9")).blockFirst(WAIT).status()).isEqualTo("closed");
        assertThat(query("SELECT search::text FROM matching_jobs WHERE id = 'j9'")).contains("'kafka':");
    }

    private static Resume resume(String summary) {
        return new Resume("Ada", "Lovelace", null, null, summary, List.of(new Resume.Skill("Java", null)),
                List.of(), List.of(), List.of());
    }

    private static Job job(String title) {
        return new Job(title, "Acme", "Berlin", null, JobStatus.ACTIVE, List.of(new Job.JobSkill("SQL")), List.of(),
                "Pipelines", false);
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
