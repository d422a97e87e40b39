/** Career-path predictions asked at the front door ({@code career.requested}), answered with a reply and a task event. */
package com.talentpipeline.scoring.predict;
