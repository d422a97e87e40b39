/** Tasks of the matching worker on {@code task.events}, which the results API stores and serves. */
package com.talentpipeline.matching.task;
