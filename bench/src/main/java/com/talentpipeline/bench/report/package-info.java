/** Benchmark results, the machine they ran on, and the Markdown/JSON report. */
package com.talentpipeline.bench.report;
