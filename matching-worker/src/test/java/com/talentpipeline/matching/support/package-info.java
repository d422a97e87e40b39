/** Test fixtures: the real text model and realistic jobs and resumes. */
package com.talentpipeline.matching.support;
