/** Settings of the embedding worker (model, chunking, batching); its Kafka error handling is the consume kit's. */
package com.talentpipeline.embedding.config;
