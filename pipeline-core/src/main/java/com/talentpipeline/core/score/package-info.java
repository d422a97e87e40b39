/** Contracts of the scoring worker's resume-score requests: what the results side asks it. */
package com.talentpipeline.core.score;
