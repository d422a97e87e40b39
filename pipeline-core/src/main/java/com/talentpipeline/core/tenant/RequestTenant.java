package com.talentpipeline.core.tenant;

import com.talentpipeline.core.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * The tenant a request acts for. The API-key filter resolves the caller's key and stores its tenant
 * in the exchange under {@link #ATTRIBUTE}; every handler reads it through {@link #of} and scopes its
 * reads and writes by it (with security disabled the filter sets the default tenant). A request that
 * reaches a handler without a tenant was never authenticated: refused, never run as some tenant.
 */
public final class RequestTenant {

    /** Exchange attribute holding the tenant id of an authenticated request. */
    public static final String ATTRIBUTE = "talentpipeline.tenant";

    private RequestTenant() {
    }

    /** The request's tenant id; 401 problem when no filter authenticated the request. */
    public static String of(ServerWebExchange exchange) {
        String tenant = exchange.getAttribute(ATTRIBUTE);
        if (tenant == null) {
            throw new ApiProblemException(HttpStatus.UNAUTHORIZED, "missing_api_key",
                    "This request was not authenticated with an API key");
        }
        return tenant;
    }
}
