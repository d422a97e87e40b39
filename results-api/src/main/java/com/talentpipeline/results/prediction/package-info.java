/** Listings of resumes by user and of the predictions (scores, career path, jobs) of a user's resumes. */
package com.talentpipeline.results.prediction;
