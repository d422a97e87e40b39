/** Vector arithmetic on embeddings, shared by the workers. */
package com.talentpipeline.inference.vector;
