/** Announces this worker's loaded models on the compacted {@code model.registry} topic. */
package com.talentpipeline.embedding.registry;
