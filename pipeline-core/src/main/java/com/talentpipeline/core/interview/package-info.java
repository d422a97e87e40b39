/** The interview transcript contract: the event the scoring worker consumes to score an interview. */
package com.talentpipeline.core.interview;
