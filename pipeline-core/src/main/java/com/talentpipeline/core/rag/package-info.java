/** Contracts of the RAG worker's requests: what the front door asks it. */
package com.talentpipeline.core.rag;
