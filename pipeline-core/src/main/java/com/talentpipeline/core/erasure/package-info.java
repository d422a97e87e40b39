/** What erasing a person's data needs from every writer: a lock that orders writes and erasure. */
package com.talentpipeline.core.erasure;
