/** Request-reply: the detect, compare and match-text requests of {@code image.requested}. */
package com.talentpipeline.detection.request;
