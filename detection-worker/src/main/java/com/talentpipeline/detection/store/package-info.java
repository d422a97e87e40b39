/** PostgreSQL storage of images and their detections (tables images and detections, V9). */
package com.talentpipeline.detection.store;
