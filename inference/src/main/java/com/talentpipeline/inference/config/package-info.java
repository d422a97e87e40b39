/**
 * Spring Boot wiring: {@code pipeline.inference.text.*} properties, the auto-configuration that
 * loads the text model once at start-up, and the {@code textModel} health indicator services put in
 * their readiness group.
 */
package com.talentpipeline.inference.config;
