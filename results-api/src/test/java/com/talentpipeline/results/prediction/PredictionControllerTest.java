package com.talentpipeline.results.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;

import com.talentpipeline.core.task.Tenants;
import com.talentpipeline.core.web.ProblemDetailsAdvice;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The prediction resource over HTTP with the store mocked: the JSON shape of a prediction, 404 for an
 * unknown or malformed id, pages with a cursor that leads to the next page, 400 for a tampered cursor,
 * and deletes of an upload or a single part.
 */
@WebFluxTest(controllers = PredictionController.class)
@Import({ProblemDetailsAdvice.class, PredictionControllerTest.TestTenant.class, PredictionConfiguration.class})
class PredictionControllerTest {

    /** Stands in for the API-key filter: the tenant comes from a test header, else the default tenant. */
    static final class TestTenant implements org.springframework.web.server.WebFilter {
        @Override
        public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                org.springframework.web.server.WebFilterChain chain) {
            String tenant = exchange.getRequest().getHeaders().getFirst("X-Test-Tenant");
            exchange.getAttributes().put(com.talentpipeline.core.tenant.RequestTenant.ATTRIBUTE,
                    tenant != null ? tenant : Tenants.DEFAULT);
            return chain.filter(exchange);
        }
    }

    @Autowired
    WebTestClient web;
    @MockitoBean
    PredictionStore store;
    @MockitoBean
    com.talentpipeline.core.security.OutboundUrlGuard guard;

    static UploadRow upload(UUID id, int secondsAfter) {
        return new UploadRow(id, Tenants.DEFAULT, "r-" + id, 1, "SUCCEEDED", null, null,
                PredictionsTest.ACCEPTED.plusSeconds(secondsAfter), PredictionsTest.ACCEPTED.plusSeconds(secondsAfter),
                1, null, true, "scan.png", "image/png",
                List.of(PredictionsTest.part("career_path", 1, PredictionsTest.CAREER, 5),
                        PredictionsTest.part("resume_score", 1, PredictionsTest.SCORE, 5)));
    }

    @Test
    void aPredictionShowsItsPartsAndTheirStates() {
        UUID id = UUID.randomUUID();
        when(store.find(Tenants.DEFAULT, id)).thenReturn(Mono.just(upload(id, 0)));
        when(store.workerTasks(eq(Tenants.DEFAULT), any())).thenReturn(Mono.just(Map.of()));
        web.get().uri("/v1/predictions/" + id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(id.toString())
                .jsonPath("$.resume_id").isEqualTo("r-" + id)
                .jsonPath("$.file_name").isEqualTo("scan.png")
                .jsonPath("$.status").isEqualTo("pending")
                .jsonPath("$.career_path.status").isEqualTo("available")
                .jsonPath("$.career_path.career_path").isEqualTo("Backend Engineer")
                .jsonPath("$.career_path.confidence").isEqualTo(0.61)
                .jsonPath("$.ats_score.ats_score").isEqualTo(84)
                .jsonPath("$.top_jobs.status").isEqualTo("pending")
                .jsonPath("$.top_jobs.jobs").doesNotExist()
                .jsonPath("$.created_at").isEqualTo("2026-12-07T10:00:00Z");
    }

    @Test
    void anotherTenantsPredictionIsNotFound() {
        UUID id = UUID.randomUUID();
        when(store.find(Tenants.DEFAULT, id)).thenReturn(Mono.just(upload(id, 0)));
        when(store.find("globex", id)).thenReturn(Mono.empty());
        when(store.workerTasks(any(), any())).thenReturn(Mono.just(Map.of()));
        web.get().uri("/v1/predictions/" + id).exchange().expectStatus().isOk();
        web.get().uri("/v1/predictions/" + id).header("X-Test-Tenant", "globex").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found").jsonPath("$.resume_id").doesNotExist();
        when(store.deletePart("globex", id)).thenReturn(Mono.just(0L));
        when(store.deleteUpload("globex", id)).thenReturn(Mono.empty());
        web.delete().uri("/v1/predictions/" + id).header("X-Test-Tenant", "globex").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void unknownOrMalformedIdsAre404Problems() {
        UUID id = UUID.randomUUID();
        when(store.find(Tenants.DEFAULT, id)).thenReturn(Mono.empty());
        web.get().uri("/v1/predictions/" + id).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        web.get().uri("/v1/predictions/not-a-uuid").exchange().expectStatus().isNotFound();
        when(store.deletePart(Tenants.DEFAULT, id)).thenReturn(Mono.just(0L));
        when(store.deleteUpload(Tenants.DEFAULT, id)).thenReturn(Mono.empty());
        web.delete().uri("/v1/predictions/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void pagesCarryACursorToTheNextPageAndATamperedOneIs400() {
        UUID newest = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID oldest = UUID.randomUUID();
        when(store.page(eq(Tenants.DEFAULT), isNull(), isNull(), isNull(), isNull(), eq(2)))
                .thenReturn(Flux.just(upload(newest, 30), upload(middle, 20), upload(oldest, 10)));
        when(store.workerTasks(eq(Tenants.DEFAULT), any())).thenReturn(Mono.just(Map.of()));
        when(store.parts(eq(Tenants.DEFAULT), any())).thenReturn(Mono.just(Map.of()));
        String scope = PredictionCursor.scope(Tenants.DEFAULT, null, null);
        String cursor = PredictionCursor.after(PredictionsTest.ACCEPTED.plusSeconds(20), middle, scope);
        web.get().uri("/v1/predictions?limit=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(newest.toString())
                .jsonPath("$.items[1].id").isEqualTo(middle.toString())
                .jsonPath("$.next_cursor").isEqualTo(cursor);
        OffsetDateTime after = PredictionCursor.decode(cursor, scope).createdAt();
        when(store.page(eq(Tenants.DEFAULT), isNull(), isNull(), eq(after), eq(middle), anyInt()))
                .thenReturn(Flux.just(upload(oldest, 10)));
        // A cursor is bound to its listing's filters: replayed with another filter it is refused.
        web.get().uri("/v1/predictions?limit=2&userId=u-1&cursor=" + cursor).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_cursor");
        web.get().uri("/v1/predictions?limit=2&cursor=" + cursor).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(oldest.toString())
                .jsonPath("$.next_cursor").isEmpty();
        web.get().uri("/v1/predictions?cursor=" + cursor.substring(1)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("invalid_cursor");
        web.get().uri("/v1/predictions?limit=101").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aListedPartIsReadAfterItsTaskStateSoACommittingScoreIsNeverShownDeleted() {
        UUID id = UUID.randomUUID();
        UploadRow before = upload(id, 0);
        // The page was read before the score's rows committed: no parts yet. Then the score commits with its
        // SUCCEEDED state, which the state read sees.
        UploadRow readEarly = before.withParts(List.of());
        when(store.page(eq(Tenants.DEFAULT), isNull(), isNull(), isNull(), isNull(), anyInt()))
                .thenReturn(Flux.just(readEarly));
        UUID scoring = com.talentpipeline.core.task.TaskIds.resumeScore(Tenants.DEFAULT, before.resumeId(), 1);
        when(store.workerTasks(eq(Tenants.DEFAULT), any()))
                .thenReturn(Mono.just(Map.of(scoring, new UploadRow.WorkerTask("SUCCEEDED", null, null))));
        when(store.parts(eq(Tenants.DEFAULT), any())).thenReturn(Mono.just(Map.of(before.resumeId(), before.parts())));
        web.get().uri("/v1/predictions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].career_path.status").isEqualTo("available")
                .jsonPath("$.items[0].career_path.career_path").isEqualTo("Backend Engineer")
                .jsonPath("$.items[0].ats_score.status").isEqualTo("available")
                .jsonPath("$.items[0].ats_score.ats_score").isEqualTo(84);
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(store);
        order.verify(store).workerTasks(eq(Tenants.DEFAULT), any());
        order.verify(store).parts(Tenants.DEFAULT, List.of(before.resumeId()));
    }

    @Test
    void aReadRightAfterTheUploadWaitsForItsSubmissionToBeProjected() {
        UUID id = UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now();
        UploadRow projected = new UploadRow(id, Tenants.DEFAULT, "r-" + id, 1, "ACCEPTED", null, null, now, now, 1,
                "u-1", true, "cv.pdf", "application/pdf", List.of());
        UploadRow notYet = new UploadRow(id, Tenants.DEFAULT, "r-" + id, 1, "ACCEPTED", null, null, now, now, 1,
                null, null, null, null, List.of());
        when(store.find(Tenants.DEFAULT, id)).thenReturn(Mono.just(notYet), Mono.just(notYet), Mono.just(projected));
        when(store.workerTasks(eq(Tenants.DEFAULT), any())).thenReturn(Mono.just(Map.of()));
        web.get().uri("/v1/predictions/" + id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.source").isEqualTo("file")
                .jsonPath("$.file_name").isEqualTo("cv.pdf")
                .jsonPath("$.user_id").isEqualTo("u-1");

        // Never projected within the wait (1 s): answered with the source unknown, not guessed.
        UUID late = UUID.randomUUID();
        when(store.find(Tenants.DEFAULT, late)).thenReturn(Mono.just(new UploadRow(late, Tenants.DEFAULT, "r-" + late,
                1, "ACCEPTED", null, null, now, now, 1, null, null, null, null, List.of())));
        long started = System.nanoTime();
        web.get().uri("/v1/predictions/" + late).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.source").doesNotExist()
                .jsonPath("$.current_version").isEqualTo(true);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isBetween(java.time.Duration.ofMillis(900),
                java.time.Duration.ofSeconds(10));
    }

    @Test
    void deletesAnUploadsPredictionOrOnePart() {
        UUID part = UUID.randomUUID();
        UUID upload = UUID.randomUUID();
        when(store.deletePart(Tenants.DEFAULT, part)).thenReturn(Mono.just(1L));
        when(store.deletePart(Tenants.DEFAULT, upload)).thenReturn(Mono.just(0L));
        when(store.deleteUpload(Tenants.DEFAULT, upload)).thenReturn(Mono.just(3L));
        web.delete().uri("/v1/predictions/" + part).exchange().expectStatus().isNoContent();
        web.delete().uri("/v1/predictions/" + upload).exchange().expectStatus().isNoContent();
    }
}
