/** The task model: types, states, state-change events and error codes. */
package com.talentpipeline.core.task;
