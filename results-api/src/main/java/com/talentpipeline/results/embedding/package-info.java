/** Reading the latest resume and job embeddings. */
package com.talentpipeline.results.embedding;
