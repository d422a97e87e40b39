/** The scoring worker: resume quality and ATS scores, career paths, interview rubric scoring. */
package com.talentpipeline.scoring;
