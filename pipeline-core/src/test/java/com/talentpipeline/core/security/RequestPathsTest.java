package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Raw spellings the URI parser would refuse or a client could only write to look different. */
class RequestPathsTest {

    @Test
    void malformedEscapesAndControlCharactersAreProblems() {
        assertThat(RequestPaths.pathProblem("/v1/resumes/%")).isPresent();
        assertThat(RequestPaths.pathProblem("/v1/resumes/%zz")).isPresent();
        assertThat(RequestPaths.pathProblem("/v1/resumes/%0a")).isPresent();
        assertThat(RequestPaths.pathProblem("/v1/resumes/%7F")).isPresent();
        assertThat(RequestPaths.pathProblem("/v1/re\u0000sumes")).isPresent();
        assertThat(RequestPaths.pathProblem("v1/resumes")).isPresent();
        assertThat(RequestPaths.pathProblem("/v1/%2e%2e/admin")).isPresent();
        assertThat(RequestPaths.queryProblem("q=a%00b")).isPresent();
        assertThat(RequestPaths.queryProblem("q=a%0")).isPresent();
    }

    @Test
    void ordinaryPathsAndNeededEscapesPass() {
        assertThat(RequestPaths.pathProblem("/")).isEmpty();
        assertThat(RequestPaths.pathProblem("/v1/resumes/3f1c-aa")).isEmpty();
        assertThat(RequestPaths.pathProblem("/v1/users/ann%20lee%40x.org/predictions")).isEmpty();
        assertThat(RequestPaths.pathProblem("/v1/images:detect")).isEmpty();
        assertThat(RequestPaths.queryProblem("query=java%20developer&limit=5&cursor=abc%3D")).isEmpty();
    }

    @Test
    void thePolicyJudgesTheCanonicalPath() {
        assertThat(AccessPolicy.of("/actuator/health/liveness")).isEqualTo(AccessPolicy.PUBLIC);
        assertThat(AccessPolicy.of("/actuator/prometheus")).isEqualTo(AccessPolicy.OPERATOR);
        assertThat(AccessPolicy.of("/actuator/healthz")).isEqualTo(AccessPolicy.OPERATOR);
        assertThat(AccessPolicy.of("/admin/v1/keys")).isEqualTo(AccessPolicy.ADMIN);
        assertThat(AccessPolicy.of("/v1/resumes")).isEqualTo(AccessPolicy.TENANT);
        assertThat(AccessPolicy.of("/anything-else")).isEqualTo(AccessPolicy.TENANT);
        assertThat(AccessPolicy.of("/v3/api-docs/swagger-config")).isEqualTo(AccessPolicy.PUBLIC);
    }
}
