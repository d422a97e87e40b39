/**
 * Model provenance: what was loaded, from where, with which engine and device, and the digest that
 * pins the exact weights. {@link com.talentpipeline.inference.model.LoadedModels} is the registry
 * behind {@code GET /v1/models}.
 */
package com.talentpipeline.inference.model;
