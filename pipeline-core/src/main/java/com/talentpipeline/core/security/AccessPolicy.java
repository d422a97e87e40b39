package com.talentpipeline.core.security;

/**
 * Who may call a path, decided on the canonical path ({@link RequestPaths#canonical}). Deny by
 * default: only the health probes and the API documentation are public; other actuator endpoints
 * (metrics) and the {@code /admin} API are for operators; every other path, known route or not,
 * needs a tenant's API key.
 */
enum AccessPolicy {

    /** Anyone: liveness/readiness probes and the OpenAPI document with its UI. */
    PUBLIC,
    /** The metrics key or the admin key: actuator endpoints other than health. */
    OPERATOR,
    /** The admin key: {@code /admin/**}. */
    ADMIN,
    /** A tenant's API key: everything else. */
    TENANT;

    /** The class of a canonical (decoded, lower-case) path. */
    public static AccessPolicy of(String canonicalPath) {
        if (is(canonicalPath, "/actuator/health")
                || is(canonicalPath, "/v3/api-docs")
                || canonicalPath.equals("/v3/api-docs.yaml")
                || canonicalPath.equals("/swagger-ui.html")
                || is(canonicalPath, "/swagger-ui")
                || is(canonicalPath, "/webjars/swagger-ui")) {
            return PUBLIC;
        }
        if (is(canonicalPath, "/actuator")) {
            return OPERATOR;
        }
        if (is(canonicalPath, "/admin")) {
            return ADMIN;
        }
        return TENANT;
    }

    /** The path itself or anything below it; {@code /actuator/healthz} is not below {@code /actuator/health}. */
    private static boolean is(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
