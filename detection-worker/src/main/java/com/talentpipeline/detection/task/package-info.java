/** The asynchronous path: image.submitted consumer, detection tasks on task.events. */
package com.talentpipeline.detection.task;
