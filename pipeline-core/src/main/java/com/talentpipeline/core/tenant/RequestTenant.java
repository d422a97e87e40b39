package com.talentpipeline.core.tenant;

import com.talentpipeline.core.task.Tenants;
import org.springframework.web.server.ServerWebExchange;

/**
 * The tenant a request acts for. The API-key filter resolves the caller's key and stores its tenant
 * in the exchange under {@link #ATTRIBUTE}; every handler reads it through {@link #of} and scopes its
 * reads and writes by it. Without the filter (security disabled), every call is the default tenant.
 */
public final class RequestTenant {

    /** Exchange attribute holding the tenant id of an authenticated request. */
    public static final String ATTRIBUTE = "talentpipeline.tenant";

    private RequestTenant() {
    }

    /** The request's tenant id, {@link Tenants#DEFAULT} when no filter set one. */
    public static String of(ServerWebExchange exchange) {
        String tenant = exchange.getAttribute(ATTRIBUTE);
        return tenant == null ? Tenants.DEFAULT : tenant;
    }
}
