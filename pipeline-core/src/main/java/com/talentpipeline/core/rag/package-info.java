/**
 * Contracts of the RAG worker: what the front door asks it ({@code rag.requested}, {@code rag.lookup}) and
 * the answers it replies with ({@link com.talentpipeline.core.rag.RagAnswer},
 * {@link com.talentpipeline.core.rag.RagViews}), which the front door's OpenAPI document shows as they are.
 */
package com.talentpipeline.core.rag;
