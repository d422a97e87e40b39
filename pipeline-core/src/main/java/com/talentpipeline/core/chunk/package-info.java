/**
 * Resume chunking for retrieval: the embedding worker chunks and encodes every resume version once, and
 * the RAG worker stores and searches the chunks it published; both read the same {@code Chunk} shape.
 */
package com.talentpipeline.core.chunk;
