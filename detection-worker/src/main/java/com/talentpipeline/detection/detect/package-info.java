/** Object discovery on one image: backbone, MaskCut, refinement, timings and metrics; the result documents (native and COCO). */
package com.talentpipeline.detection.detect;
