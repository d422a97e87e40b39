/** Interview rubric scoring: two separable scorers (soft skills, technical) combined by rubric weights. */
package com.talentpipeline.scoring.interview;
