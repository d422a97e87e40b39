/**
 * The model registry: what each worker instance has loaded, announced on the compacted
 * {@code model.registry} topic and served by the results API at {@code GET /v1/models}.
 */
package com.talentpipeline.core.model;
