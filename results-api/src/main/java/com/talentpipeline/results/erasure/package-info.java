/**
 * The results side of erasure: the tally of an erasure task's participant reports (SUCCEEDED when all
 * listed participants reported, FAILED naming the missing ones after the deadline, checked by a periodic
 * sweep), and the results API's own participant (tasks, task results, predictions, webhook deliveries,
 * door entries of the erased resume).
 */
package com.talentpipeline.results.erasure;
