/** The embedding worker: resume and job section embeddings, batched, cached by content. */
package com.talentpipeline.embedding;
