package com.talentpipeline.localstack.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ingress read as the local front door reads it. */
class FrontDoorRoutesTest {

    private final FrontDoorRoutes routes = FrontDoorRoutes.fromClasspath();

    @Test
    void unlistedPathsGoToTheDefaultBackendTheIngestApi() {
        assertThat(routes.defaultService()).isEqualTo("ingest-api");
        assertThat(routes.serviceFor("/v1/resumes")).isEqualTo("ingest-api");
        assertThat(routes.serviceFor("/v1/jobs")).isEqualTo("ingest-api");
        assertThat(routes.serviceFor("/no/such/path")).isEqualTo("ingest-api");
    }

    @Test
    void readsGoToTheResultsApiWhateverTheCase() {
        assertThat(routes.serviceFor("/v1/tasks")).isEqualTo("results-api");
        assertThat(routes.serviceFor("/v1/tasks/abc")).isEqualTo("results-api");
        assertThat(routes.serviceFor("/v1/tasks/abc/events")).isEqualTo("results-api");
        assertThat(routes.serviceFor("/V1/Tasks/abc")).as("nginx ~* matches case-insensitively").isEqualTo("results-api");
        assertThat(routes.serviceFor("/v1/resumes/abc/embeddings")).isEqualTo("results-api");
        assertThat(routes.serviceFor("/admin/v1/keys")).isEqualTo("results-api");
    }

    @Test
    void rulesAreAnchoredSoAPrefixDoesNotCapture() {
        assertThat(routes.serviceFor("/v1/tasksx")).isEqualTo("ingest-api");
        assertThat(routes.serviceFor("/v1/tasks/a/b/c")).isEqualTo("ingest-api");
        assertThat(routes.serviceFor("/x/v1/tasks")).isEqualTo("ingest-api");
    }

    @Test
    void noSamplePathMatchesTwoRules() {
        for (String path : List.of("/v1/tasks/a", "/v1/webhooks/a/deliveries", "/v1/resumes/a/embeddings",
                "/v1/jobs/a/embeddings", "/v1/users/u/predictions", "/v1/predictions/a", "/v1/models",
                "/v1/callback-secret", "/admin/v1/keys/a")) {
            assertThat(routes.allMatching(path)).as(path).hasSize(1);
        }
    }

    @Test
    void aManifestThatIsNotAnIngressIsRefused() {
        var yaml = new java.io.ByteArrayInputStream("kind: Service\nspec: {}\n".getBytes());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrontDoorRoutes.fromIngress(yaml))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
