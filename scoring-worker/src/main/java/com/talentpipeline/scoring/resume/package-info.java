/** Resume quality score and ATS score: rule-based, every point explained by a named rule and its evidence. */
package com.talentpipeline.scoring.resume;
