/** MaskCut object discovery: the normalized cut of patch graphs, its Lanczos eigen-solver, pixel masks and COCO RLE. */
package com.talentpipeline.detection.maskcut;
