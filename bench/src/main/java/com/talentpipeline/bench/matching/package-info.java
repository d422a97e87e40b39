/**
 * Matching micro-benchmarks (recommendations over a large job index, candidate search over many
 * resumes), run by {@code ./bench/run} against the matching worker's classes; not shipped in any
 * service jar.
 */
package com.talentpipeline.bench.matching;
