/**
 * Comparisons with their 30-day cache, batch compare, recommendations (vector top-k then full rerank)
 * and their recomputation when a resume gets a new version.
 */
package com.talentpipeline.matching.recommend;
