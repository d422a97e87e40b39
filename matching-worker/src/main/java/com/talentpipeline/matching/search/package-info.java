/** Job search: PostgreSQL full-text ranking combined with semantic similarity, with cursor pagination. */
package com.talentpipeline.matching.search;
