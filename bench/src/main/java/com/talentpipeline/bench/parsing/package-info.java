/** The parsing benchmark: real resumes, their annotations, and per-field precision/recall of the parser. */
package com.talentpipeline.bench.parsing;
