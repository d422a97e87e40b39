/** The results API: task status and results; owns the result store. */
package com.talentpipeline.results;
