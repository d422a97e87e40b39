package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.web.ApiProblemException;
import com.talentpipeline.ingest.config.IngestProperties;
import com.talentpipeline.ingest.resume.ResumeController;
import com.talentpipeline.ingest.resume.ResumeFileStore;
import com.talentpipeline.ingest.resume.ResumeUploads;
import com.talentpipeline.ingest.submission.SubmissionService;
import com.talentpipeline.ingest.web.Responses;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A new version (PUT) whose event Kafka does not acknowledge is rolled back whole: the client gets 503
 * and the resume row, its version and its stored file are those of the previous version, and no task
 * is left. The ingest controller runs against the stack's real database with a Kafka template that
 * never acknowledges.
 */
class UnacknowledgedUpdateIT {

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnacknowledgedPutRestoresThePreviousVersionAndItsFile() throws Exception {
        String text = "JANE DOE\njane.doe@example.com | +1 415 555 0134\n\nSUMMARY\nReference " + UUID.randomUUID()
                + "\n\nSKILLS\nJava, Kafka\n\nEXPERIENCE\nEngineer, Acme Corp    Jan 2019 - Present\n- Built things.\n\n"
                + "EDUCATION\nB.Sc. Computer Science, University of Toronto, 2015\n";
        HttpResponse<String> created = upload(ResumeDocumentsIT.pdf(text, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String resumeId = PipelineClient.json(created).get("resume_id").asString();
        List<String> before = state(resumeId);
        assertThat(before.get(0)).isEqualTo("1");
        assertThat(before.get(2)).as("file row").isNotEqualTo("null");

        var endpoints = pipeline.stack().endpoints();
        var factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(endpoints.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, endpoints.dbUser())
                .option(ConnectionFactoryOptions.PASSWORD, endpoints.dbPassword()).build());
        DatabaseClient db = DatabaseClient.create(factory);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(factory));
        KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new TimeoutException("not acknowledged")));
        IngestProperties properties = Binder.get(new MockEnvironment()).bindOrCreate("pipeline.ingest",
                IngestProperties.class);
        var controller = new ResumeController(new SubmissionService(db,
                com.talentpipeline.core.task.intake.TaskIntake.create(db, tx, kafka,
                        new com.talentpipeline.core.task.intake.IntakeSettings(properties.ackTimeout(), properties.retryAfter()),
                        new SimpleMeterRegistry())),
                new Responses(properties), new ResumeUploads(properties, null), new ResumeFileStore(db, properties),
                null, null, properties, new com.talentpipeline.ingest.web.Callers(
                        new com.talentpipeline.core.security.OutboundUrlGuard(List.of(),
                                com.talentpipeline.core.security.OutboundUrlGuard.systemResolver())),
                null); // a PUT is never answered at the door
        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.put("/v1/resumes/" + resumeId));
        exchange.getAttributes().put(com.talentpipeline.core.tenant.RequestTenant.ATTRIBUTE, SharedPipeline.TENANT_A);

        // A JSON version, which would drop the stored file: Kafka does not acknowledge it.
        Resume json = PipelineJson.mapper().readValue(Seeds.javaKafkaResume("jane.doe@example.com"), Resume.class);
        assertThatThrownBy(() -> controller.replace(resumeId, json, null, exchange).block(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(ApiProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        List<String> after = state(resumeId);
        assertThat(after).as("version, content hash, file version and sha, task count").isEqualTo(before);
    }

    /** version, content_hash, file version:sha, number of the resume's ingest tasks (workers such as the scorer add tasks of their own). */
    private static List<String> state(String resumeId) throws Exception {
        var endpoints = pipeline.stack().endpoints();
        try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword());
                PreparedStatement statement = db.prepareStatement("""
                        SELECT r.version, r.content_hash, f.version || ':' || f.sha256 AS file,
                               (SELECT count(*) FROM tasks t WHERE t.subject_id = r.id AND t.type = 'resume.embedding') AS tasks
                        FROM resumes r LEFT JOIN resume_files f ON f.resume_id = r.id WHERE r.id = ?""")) {
            statement.setString(1, resumeId);
            ResultSet rs = statement.executeQuery();
            assertThat(rs.next()).isTrue();
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                row.add(String.valueOf(rs.getObject(i)));
            }
            return row;
        }
    }

    private HttpResponse<String> upload(byte[] file) throws Exception {
        String boundary = "----undo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                PipelineClient.authorized(URI.create(client.ingest("/v1/resumes")))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
