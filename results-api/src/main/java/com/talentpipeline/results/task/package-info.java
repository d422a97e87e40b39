/** Task state: applying task events to the store, and reading tasks back. */
package com.talentpipeline.results.task;
