package com.talentpipeline.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP-level fuzz of {@code POST /v1/resumes} multipart: random bytes, truncated and corrupted PDF and
 * DOCX files, wrong part names, broken multipart envelopes and huge declared sizes. Every answer is a
 * 2xx or a 4xx problem+json, never a 5xx or a timeout, and no threads are left behind (the parse runs
 * off the event loop under a timeout). Bounded: at most 150 requests or 20 s of sending. The seed is
 * printed so a failure can be replayed with {@code -Dfuzz.seed=...}.
 */
class UploadFuzzIT {

    private static final String PDF = "application/pdf";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[] TYPES = {PDF, DOCX, "text/plain", "application/octet-stream", "image/png",
            "application/pdf; charset=\u00e9", "multipart/mixed", "x/"};

    static LocalPipeline pipeline;
    static PipelineClient client;

    @BeforeAll
    static void startPipeline() {
        pipeline = SharedPipeline.get();
        client = new PipelineClient(pipeline);
    }

    @Test
    void randomAndBrokenUploadsGetA2xxOr4xxProblemAndLeakNoThreads() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("UploadFuzzIT seed " + seed);
        Random random = new Random(seed);
        String text = "JANE DOE\njane.doe@example.com | +1 415 555 0134\n\nSKILLS\nJava, Kafka\n\n"
                + "EXPERIENCE\nEngineer, Acme Corp    Jan 2019 - Present\n- Built things.\n\n"
                + "EDUCATION\nB.Sc. Computer Science, University of Toronto, 2015\n";
        byte[] pdf = ResumeDocumentsIT.pdf(text, null);
        byte[] docx = ResumeDocumentsIT.docx(text);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Warm up the path once (codec, parser classes, thread pools) before taking the baseline.
        send(http, multipart("file", "text/plain", "hello".getBytes(StandardCharsets.UTF_8), null));
        int threadsBefore = liveThreads();

        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int sent = 0;
        for (; sent < 150 && System.nanoTime() < deadline; sent++) {
            int kind = random.nextInt(9);
            String what;
            int status;
            String contentType;
            String body;
            if (kind == 8) {
                // A huge declared length on a raw socket: refused before the body is read.
                what = "declared 10 GB";
                String[] answer = rawHugeDeclaredLength();
                status = Integer.parseInt(answer[0]);
                contentType = answer[1];
                body = answer[2];
            } else {
                byte[] file = switch (kind) {
                    case 0 -> randomBytes(random, random.nextInt(64 * 1024));
                    case 1 -> Arrays.copyOf(pdf, random.nextInt(pdf.length));
                    case 2 -> corrupt(random, pdf);
                    case 3 -> Arrays.copyOf(docx, random.nextInt(docx.length));
                    case 4 -> corrupt(random, docx);
                    case 5 -> prefixed(random, "%PDF-1.7\n");
                    case 6 -> prefixed(random, "PK\u0003\u0004");
                    default -> randomBytes(random, random.nextInt(256));
                };
                String partName = random.nextInt(6) == 0 ? (random.nextBoolean() ? "files" : "") : "file";
                String type = TYPES[random.nextInt(TYPES.length)];
                String partLength = random.nextInt(8) == 0 ? "Content-Length: 99999999999\r\n" : null;
                boolean broken = random.nextInt(12) == 0;
                HttpRequest.Builder request = broken
                        ? brokenEnvelope(random, file)
                        : multipart(partName, type, file, partLength);
                what = broken ? "broken envelope, kind " + kind + ", " + file.length + " bytes"
                        : "kind " + kind + ", part '" + partName + "', " + type + (partLength == null ? "" : ", huge part length")
                                + ", " + file.length + " bytes";
                HttpResponse<String> response = send(http, request);
                status = response.statusCode();
                contentType = response.headers().firstValue("Content-Type").orElse("");
                body = response.body();
            }
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                failures.add(what + " -> " + status + " " + body);
            } else if (status >= 400 && (!contentType.startsWith("application/problem+json")
                    || !body.contains("\"code\""))) {
                failures.add(what + " -> " + status + " not a problem: " + contentType + " " + body);
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(sent).as("requests sent within the time box").isGreaterThanOrEqualTo(50);

        // Idle pool threads may take a moment to settle; a leak grows with the requests and does not.
        int threadsAfter = liveThreads();
        for (int i = 0; i < 20 && threadsAfter > threadsBefore + 8; i++) {
            PipelineClient.sleep(500);
            threadsAfter = liveThreads();
        }
        System.out.printf("UploadFuzzIT: %d requests, live threads %d before, %d after%n", sent, threadsBefore,
                threadsAfter);
        assertThat(threadsAfter).as("live threads after %d requests (before: %d)", sent, threadsBefore)
                .isLessThanOrEqualTo(threadsBefore + 8);
    }

    /**
     * Parts whose Content-Disposition is missing or names no field are a 400 on every multipart
     * endpoint (Spring's reader threw IllegalStateException for them: a 500), and a PNG whose pixel data
     * is cut short is refused at upload with 422 invalid_image rather than becoming a FAILED task.
     */
    @Test
    void unnamedPartsAreA400AndACutImageA422OnEveryUpload() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> urls = List.of(client.ingest("/v1/resumes"), client.ingest("/v1/images"),
                client.ingest("/v1/images:detect"), client.ingest("/v1/images/compare"));
        List<String> partHeads = List.of("Content-Type: image/png\r\n", "",
                "Content-Disposition: form-data\r\n", "Content-Disposition: form-data; filename=\"a.png\"\r\n",
                "Content-Disposition: form-data; name=\"\"\r\n");
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            for (String head : partHeads) {
                byte[] body = ("--b\r\n" + head + "\r\nabc\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
                HttpResponse<String> response = send(http, PipelineClient.authorized(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                if (response.statusCode() != 400
                        || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    failures.add(url + " [" + head.strip() + "] -> " + response.statusCode() + " " + response.body());
                }
            }
        }
        assertThat(failures).isEmpty();

        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 120,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 160; x++) {
                image.setRGB(x, y, x * 7919 + y * 104729);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        byte[] cut = Arrays.copyOf(png.toByteArray(), 60);
        String boundary = "----cut" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(cut);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(http, PipelineClient.authorized(URI.create(client.ingest("/v1/images")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("\"code\":\"invalid_image\"");
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] corrupt(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(64);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] prefixed(Random random, String magic) {
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = randomBytes(random, head.length + random.nextInt(8 * 1024));
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private HttpRequest.Builder multipart(String partName, String type, byte[] file, String extraHeader) {
        String boundary = "----fuzz" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                + "\"; filename=\"cv.bin\"\r\nContent-Type: " + type + "\r\n" + (extraHeader == null ? "" : extraHeader)
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return PipelineClient.authorized(URI.create(client.ingest("/v1/resumes")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** A multipart body that is not one: no closing boundary, a wrong boundary, or no boundary at all. */
    private HttpRequest.Builder brokenEnvelope(Random random, byte[] file) {
        String contentType = switch (random.nextInt(3)) {
            case 0 -> "multipart/form-data";
            case 1 -> "multipart/form-data; boundary=nope";
            default -> "multipart/form-data; boundary=x";
        };
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        return PipelineClient.authorized(URI.create(client.ingest("/v1/resumes")))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer (timeout or reset): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, Content-Type and body of a POST that declares 10 GB and sends a few bytes. */
    private static String[] rawHugeDeclaredLength() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", pipeline.ingestPort()), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/resumes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 10737418240\r\n\r\n--x\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            // Read until the server closes or the head and a JSON body have arrived.
            while ((n = in.read(buffer)) != -1) {
                answer.write(buffer, 0, n);
                String sofar = answer.toString(StandardCharsets.ISO_8859_1);
                int end = sofar.indexOf("\r\n\r\n");
                if (end >= 0 && sofar.lastIndexOf('}') > end) {
                    break;
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            String status = text.length() >= 12 ? text.substring(9, 12) : "0";
            String type = text.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(13).strip()).findFirst().orElse("");
            int end = text.indexOf("\r\n\r\n");
            return new String[] {status, type, end < 0 ? "" : text.substring(end + 4)};
        }
    }
}
