/** Bounded benchmarks of the pipeline on the embedded stack, written as ratios measured in one run. */
package com.talentpipeline.bench;
