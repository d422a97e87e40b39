package com.talentpipeline.scoring.web;

import com.talentpipeline.core.tenant.RequestTenant;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Stands in for the API-key filter: the tenant comes from the {@code X-Test-Tenant} header. */
final class TestTenantFilter implements WebFilter {

    static final String HEADER = "X-Test-Tenant";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String tenant = exchange.getRequest().getHeaders().getFirst(HEADER);
        // As the access filter would: the key's tenant, here the header's, else the default tenant.
        exchange.getAttributes().put(RequestTenant.ATTRIBUTE, tenant != null ? tenant : "default");
        return chain.filter(exchange);
    }
}
