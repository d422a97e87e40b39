/**
 * API keys, tenants and per-key rate limits for every {@code /v1/**} path of every service that has
 * pipeline-core and R2DBC: a {@link org.springframework.web.server.WebFilter} resolves the key to its
 * tenant (stored under {@link com.talentpipeline.core.tenant.RequestTenant#ATTRIBUTE}) and spends a
 * token of the key's Redis bucket. No per-service code.
 */
package com.talentpipeline.core.security;
