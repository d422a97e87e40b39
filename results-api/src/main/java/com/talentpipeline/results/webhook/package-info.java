/**
 * Webhooks: registrations per tenant, delivery rows created from the pipeline's events, a dispatcher
 * that signs and posts due deliveries with backoff and jitter, per-task callbacks, and the SSRF guard
 * applied when connecting.
 */
package com.talentpipeline.results.webhook;
