/** Readers shared by the bench sections that measure on the real data files (CSV with quoted multi-line fields). */
package com.talentpipeline.bench.data;
