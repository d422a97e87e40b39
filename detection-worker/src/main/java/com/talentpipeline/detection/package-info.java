/** The detection worker: unsupervised object discovery (MaskCut) and image similarity over its own HTTP API. */
package com.talentpipeline.detection;
