package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.cache.CacheKey;
import com.talentpipeline.core.hash.ContentHash;
import com.talentpipeline.core.json.PipelineJson;
import com.talentpipeline.core.resume.Resume;
import com.talentpipeline.core.topic.Topics;
import com.talentpipeline.localstack.pipeline.LocalPipeline;
import com.talentpipeline.localstack.stack.Readiness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Resume documents over HTTP against the running pipeline: PDF and DOCX uploads processed to
 * SUCCEEDED, the parsed view, a new version, erasure, and every kind of bad file refused with a 4xx
 * problem and nothing published.
 */
class ResumeDocumentsIT {

    /** The API's JSON is snake_case: read a resume as a client of the API does. */
    private static final tools.jackson.databind.json.JsonMapper API_JSON =
            com.talentpipeline.core.web.wire.WireJson.reader(builder -> { });

    static LocalPipeline pipeline;
    static PipelineClient client;
    // HTTP/1.1 like PipelineClient: no h2c upgrade attempt on a multipart body.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    private static String resumeText() {
        // A unique reference keeps the content new, so the worker really runs instead of hitting the cache.
        return """
                JANE DOE
                jane.doe@example.com | +1 (415) 555-0134 | linkedin.com/in/janedoe

                SUMMARY
                Backend engineer building event-driven systems. Reference %s.

                TECHNICAL SKILLS
                Java, Spring Boot, k8s, Postgres, JS, Kafka

                PROFESSIONAL EXPERIENCE
                Senior Software Engineer, Acme Corp    Jan 2019 - Present
                - Built a Kafka-based ingestion pipeline.
                Software Engineer | Globex | 2016 - 2018
                - Designed REST APIs for billing.
                Intern at Initech
                - Wrote tests.

                EDUCATION
                B.Sc. Computer Science, University of Toronto, 2015
                """.formatted(UUID.randomUUID());
    }

    @Test
    void pdfAndDocxUploadsAreParsedProcessedAndServed() {
        for (String[] kind : new String[][] {{"resume.pdf", PDF}, {"resume.docx", DOCX}}) {
            byte[] file = kind[1].equals(PDF) ? pdf(resumeText(), null) : docx(resumeText());
            HttpResponse<String> response = upload("POST", "/v1/resumes", kind[0], kind[1], file, "user-42");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode accepted = PipelineClient.json(response);
            String resumeId = accepted.get("resume_id").asString();
            JsonNode task = client.awaitTerminal(accepted.get("task_id").asString(), Duration.ofSeconds(60));
            assertThat(task.get("state").asString()).as(task.toString()).isEqualTo("SUCCEEDED");

            JsonNode view = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId)));
            assertThat(view.get("version").asInt()).isEqualTo(1);
            assertThat(view.get("source").asString()).isEqualTo("file");
            assertThat(view.get("resume").get("first_name").asString()).isEqualTo("Jane");
            assertThat(view.get("resume").get("email").asString()).isEqualTo("jane.doe@example.com");
            assertThat(view.get("resume").get("work_experience").get(0).get("start_date").asString()).isEqualTo("2019-01");
            assertThat(view.get("resume").get("skills").toString()).contains("Kubernetes", "PostgreSQL", "JavaScript");
            assertThat(view.get("file").get("media_type").asString()).isEqualTo(kind[1]);
            assertThat(view.get("file").get("user_id").asString()).isEqualTo("user-42");
            assertThat(view.get("file").get("text").asString().length()).isLessThanOrEqualTo(1000);
            assertThat(view.get("warnings").toString()).contains("no dates found for 1 role");
            JsonNode email = view.get("provenance").get("email");
            assertThat(email.get("line").asInt()).isEqualTo(2);
            assertThat(view.get("file").get("text").asString().substring(email.get("start").asInt(),
                    email.get("end").asInt())).isEqualTo("jane.doe@example.com");
        }
    }

    @Test
    void aNewVersionReRunsDownstreamAndDeleteErasesEverything() throws Exception {
        HttpResponse<String> created = upload("POST", "/v1/resumes", "cv.pdf", PDF, pdf(resumeText(), null), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String resumeId = PipelineClient.json(created).get("resume_id").asString();
        client.awaitTerminal(PipelineClient.json(created).get("task_id").asString(), Duration.ofSeconds(60));
        JsonNode v1 = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId + "/embeddings")));
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("current").asBoolean()).isTrue();

        HttpResponse<String> updated = upload("PUT", "/v1/resumes/" + resumeId, "cv.docx", DOCX, docx(resumeText()), null);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(202);
        assertThat(PipelineClient.json(updated).get("resume_id").asString()).isEqualTo(resumeId);
        JsonNode task = client.awaitTerminal(PipelineClient.json(updated).get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode v2 = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId + "/embeddings")));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("document_version").asInt()).isEqualTo(2);
        assertThat(v2.get("current").asBoolean()).isTrue();
        JsonNode view = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId)));
        assertThat(view.get("version").asInt()).isEqualTo(2);
        assertThat(view.get("file").get("media_type").asString()).isEqualTo(DOCX);
        assertThat(Topics4Tests.readKey(pipeline, Topics.RESUME_UPDATED_NAME, resumeId, 1)).hasSize(1);

        // A JSON version replaces the file-based one.
        HttpResponse<String> json = send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes/" + resumeId)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Seeds.javaKafkaResume("jane.doe@example.com"))));
        assertThat(json.statusCode()).as(json.body()).isEqualTo(202);
        JsonNode v3Task = client.awaitTerminal(PipelineClient.json(json).get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(v3Task.get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode v3 = PipelineClient.json(client.get(client.results("/v1/resumes/" + resumeId)));
        assertThat(v3.get("version").asInt()).isEqualTo(3);
        assertThat(v3.get("source").asString()).isEqualTo("json");
        assertThat(v3.has("file")).isFalse();
        // The worker's cache entry for the last content: the key the worker derives (kind, its model
        // version, hash of its encoding plan), which the erasure must remove.
        Resume stored = API_JSON.treeToValue(v3.get("resume"), Resume.class);
        String cacheKey = new CacheKey(SharedPipeline.TENANT_A, "resume-embedding", v3Task.get("model").get("version").asString(),
                ContentHash.of(plan(resumeId, stored))).redisKey();
        assertThat(redis("EXISTS", cacheKey)).as(cacheKey).isEqualTo(":1");
        // The file-based version's entry, which the last content no longer names: found through the
        // worker's per-resume index of the keys it used.
        Resume fileVersion = API_JSON.treeToValue(view.get("resume"), Resume.class);
        String fileVersionKey = new CacheKey(SharedPipeline.TENANT_A, "resume-embedding", v3Task.get("model").get("version").asString(),
                ContentHash.of(plan(resumeId, fileVersion))).redisKey();
        String index = "tp:subject:resume-embedding:" + resumeId;
        assertThat(redis("EXISTS", fileVersionKey)).as(fileVersionKey).isEqualTo(":1");
        assertThat(Integer.parseInt(redis("SCARD", index).substring(1))).isGreaterThanOrEqualTo(2);

        HttpResponse<String> deleted = send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes/" + resumeId)))
                .DELETE());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        String erasure = PipelineClient.json(deleted).get("task_id").asString();
        assertThat(client.awaitTerminal(erasure, Duration.ofSeconds(60)).get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode participants = PipelineClient.json(client.get(client.results("/v1/tasks/" + erasure + "?includeResult=true")))
                .get("result").get("participants");
        // The last version is JSON: its file went with the PUT, so ingest erased the resume row alone.
        assertThat(participants.get("ingest").get("resumes").asLong()).isEqualTo(1);
        assertThat(participants.get("ingest").get("resume_files").asLong()).isZero();
        // The embedding worker evicted both versions' entries (through its per-resume index).
        assertThat(participants.get("embedding").get("cache_keys").asLong()).as(participants.toString())
                .isGreaterThanOrEqualTo(2);
        assertThat(participants.get("results").get("tasks").asLong()).isGreaterThanOrEqualTo(3);
        Instant evictedBy = Instant.now().plusSeconds(10);
        while (!":0".equals(redis("EXISTS", cacheKey, fileVersionKey, index)) && Instant.now().isBefore(evictedBy)) {
            PipelineClient.sleep(200);
        }
        assertThat(redis("EXISTS", cacheKey)).as("cache entry evicted after the erasure: " + cacheKey).isEqualTo(":0");
        assertThat(redis("EXISTS", fileVersionKey)).as("an earlier version's entry is evicted too").isEqualTo(":0");
        assertThat(redis("EXISTS", index)).isEqualTo(":0");
        assertThat(client.get(client.results("/v1/resumes/" + resumeId)).statusCode()).isEqualTo(404);
        assertThat(client.get(client.results("/v1/resumes/" + resumeId + "/embeddings")).statusCode()).isEqualTo(404);
        assertThat(client.get(client.results("/v1/tasks/" + PipelineClient.json(created).get("task_id").asString()))
                .statusCode()).isEqualTo(404);
        HttpResponse<String> again = send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes/" + resumeId)))
                .DELETE());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(PipelineClient.json(again).get("code").asString()).isEqualTo("not_found");
        List<ConsumerRecord<String, byte[]>> embedded = Topics4Tests.readKey(pipeline, Topics.RESUME_EMBEDDED_NAME, resumeId, 4);
        assertThat(embedded).isNotEmpty();
        assertThat(embedded.get(embedded.size() - 1).value()).as("tombstone").isNull();

        HttpResponse<String> unknown = upload("PUT", "/v1/resumes/" + UUID.randomUUID(), "cv.pdf", PDF,
                pdf(resumeText(), null), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void badFilesGetAProblemAndNothingIsPublished() throws Exception {
        long before = Topics4Tests.endOffsets(pipeline, Topics.RESUME_SUBMITTED_NAME);
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, tooLarge, 0, 8);
        record Case(String name, String type, byte[] bytes, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("empty.pdf", PDF, new byte[0], 400, "empty_file"),
                new Case("scan.pdf", PDF, scannedPdf(), 422, "no_extractable_text"),
                new Case("locked.pdf", PDF, pdf(resumeText(), "secret"), 422, "encrypted_document"),
                new Case("huge.pdf", PDF, tooLarge, 413, "file_too_large"),
                // A PNG signature and nothing else: an image upload (read by OCR) that cannot be decoded.
                new Case("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, 422,
                        "malformed_document"),
                new Case("renamed.pdf", PDF, docx(resumeText()), 415, "media_type_mismatch"),
                new Case("bomb.docx", DOCX, zipBomb(80 * 1024 * 1024), 422, "document_too_complex"),
                // Readable text without contact details is a resume (accepted with warnings); digits alone are not.
                new Case("numbers.txt", "text/plain", "0042 1337 -- 2024".getBytes(), 422, "no_extractable_text"));
        for (Case c : cases) {
            HttpResponse<String> response = upload("POST", "/v1/resumes", c.name(), c.type(), c.bytes(), null);
            assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type")).as(c.name()).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(PipelineClient.json(response).get("code").asString()).as(c.name()).isEqualTo(c.code());
        }
        HttpResponse<String> noFile = send(PipelineClient.authorized(URI.create(client.ingest("/v1/resumes")))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--xyz\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\nu1\r\n--xyz--\r\n")));
        assertThat(noFile.statusCode()).as(noFile.body()).isEqualTo(400);
        assertThat(Topics4Tests.endOffsets(pipeline, Topics.RESUME_SUBMITTED_NAME)).isEqualTo(before);
    }

    @Test
    void plainTextJobDescriptionsAreAccepted() {
        HttpResponse<String> response = send(PipelineClient.authorized(URI.create(client.ingest("/v1/jobs")))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        Senior Backend Engineer at Acme Corp
                        Location: Remote (EU)
                        Requirements:
                        - Java and Spring Boot, ref %s
                        - k8s and Postgres
                        """.formatted(UUID.randomUUID()))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode task = client.awaitTerminal(PipelineClient.json(response).get("task_id").asString(), Duration.ofSeconds(60));
        assertThat(task.get("state").asString()).isEqualTo("SUCCEEDED");
        HttpResponse<String> empty = send(PipelineClient.authorized(URI.create(client.ingest("/v1/jobs")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Just words")));
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
    }

    // ---- HTTP ----------------------------------------------------------------------------------

    private static HttpResponse<String> upload(String method, String path, String filename, String type, byte[] file,
            String userId) {
        String boundary = "----pipeline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (userId != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"userId\"\r\n\r\n" + userId
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(PipelineClient.authorized(URI.create(client.ingest(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- generated files ---------------------------------------------------------------------

    static byte[] pdf(String text, String userPassword) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(13);
                content.newLineAtOffset(40, 800);
                for (String line : text.lines().toList()) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            if (userPassword != null) {
                var policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] scannedPdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var image = new java.awt.image.BufferedImage(100, 50, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var xobject = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(xobject, 50, 600, 400, 200);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            text.lines().forEach(line -> doc.createParagraph().createRun().setText(line));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zipBomb(int inflatedBytes) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int written = 0; written < inflatedBytes; written += chunk.length) {
                zip.write(chunk);
            }
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Redis -------------------------------------------------------------------------------

    private static String redis(String... command) {
        var endpoints = pipeline.stack().endpoints();
        try {
            return Readiness.redisCommand(endpoints.redisHost(), endpoints.redisPort(), command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Kafka -------------------------------------------------------------------------------

    /** What the embedding worker encodes for a resume, whose hash is its cache key's. */
    private static Object plan(String resumeId, Resume resume) {
        return new com.talentpipeline.embedding.worker.ResumeKind(
                com.talentpipeline.embedding.config.EmbeddingProperties.defaults())
                .plan(new com.talentpipeline.core.resume.ResumeSubmitted(resumeId, 1, resume));
    }
}
