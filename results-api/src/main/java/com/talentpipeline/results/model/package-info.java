/**
 * {@code GET /v1/models}: the models every worker instance has loaded, read from the compacted
 * {@code model.registry} topic that workers announce on.
 */
package com.talentpipeline.results.model;
