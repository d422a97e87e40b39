/** Operator endpoints under {@code /admin/v1}, guarded by the admin key, not by tenant keys. */
package com.talentpipeline.results.admin;
