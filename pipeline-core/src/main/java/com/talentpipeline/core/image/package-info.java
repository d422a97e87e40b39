/** Image payloads: images submitted for object discovery (detection worker). */
package com.talentpipeline.core.image;
