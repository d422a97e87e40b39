/** Consuming submissions in batches, embedding them, publishing results, task events and dead letters. */
package com.talentpipeline.embedding.worker;
