package com.talentpipeline.core.task;

/** Tenant ids. Until API keys map callers to tenants, every call belongs to the default tenant. */
public final class Tenants {

    /** The tenant of unauthenticated local use. */
    public static final String DEFAULT = "default";

    private Tenants() {
    }
}
