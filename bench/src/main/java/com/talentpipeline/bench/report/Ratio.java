package com.talentpipeline.bench.report;

/**
 * One comparison measured in the same run: {@code value = numerator / denominator}.
 *
 * @param name        what is compared
 * @param value       the ratio
 * @param numerator   what the numerator measured
 * @param denominator what the denominator measured
 */
record Ratio(String name, double value, String numerator, String denominator) {
}
