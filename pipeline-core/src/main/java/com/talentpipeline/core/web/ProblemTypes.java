package com.talentpipeline.core.web;

import java.net.URI;

/** Problem type URIs: one per error code, documented in README. */
public final class ProblemTypes {

    private static final String BASE = "https://talent-pipeline.dev/problems/";

    private ProblemTypes() {
    }

    public static URI of(String code) {
        return URI.create(BASE + code.replace('_', '-'));
    }
}
