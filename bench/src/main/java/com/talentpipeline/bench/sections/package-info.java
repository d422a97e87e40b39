/** The benchmark sections (encoder, pipeline, cache, ingest) and what they share (stack, encoder, corpus). */
package com.talentpipeline.bench.sections;
