/** Announces the models loaded in a service on the compacted {@code model.registry} topic. */
package com.talentpipeline.inference.registry;
