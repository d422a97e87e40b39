/** Kafka consumer settings of the embedding worker. */
package com.talentpipeline.embedding.config;
