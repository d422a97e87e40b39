/**
 * The in-memory indexes: active jobs (vectors in one contiguous float matrix, brute-force top-k) and
 * resume embeddings, both rebuilt from their compacted topics on every start.
 */
package com.talentpipeline.matching.index;
