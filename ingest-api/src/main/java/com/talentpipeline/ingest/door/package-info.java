/**
 * The door: a submission whose every result is already known for its content (same tenant, same model
 * and scorer versions as every live worker) is answered at once with the finished task.
 */
package com.talentpipeline.ingest.door;
