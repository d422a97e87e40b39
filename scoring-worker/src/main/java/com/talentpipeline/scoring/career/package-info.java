/** Career paths: zero-shot and few-shot prediction with text embeddings against a taxonomy. */
package com.talentpipeline.scoring.career;
