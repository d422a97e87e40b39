/** K-means (k-means++ initialisation) over job vectors, silhouette scoring and cluster descriptions. */
package com.talentpipeline.matching.cluster;
