/** Upload checks: image type from magic bytes, bounded decoding against decompression bombs. */
package com.talentpipeline.detection.image;
