/** Contracts of the scoring worker's career-path requests: what the front door asks it. */
package com.talentpipeline.core.career;
