package com.talentpipeline.localstack.e2e;

import com.talentpipeline.localstack.pipeline.LocalPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Every route of every running service, read from its own handler mappings (what it really serves). */
final class ServiceRoutes {

    private ServiceRoutes() {
    }

    /** A route of one service: method and path pattern as its handler mapping declares it. */
    record Route(String service, int port, String method, String pattern) {
    }

    static Map<String, Integer> ports(LocalPipeline pipeline) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest", pipeline.ingestPort());
        ports.put("results", pipeline.resultsPort());
        ports.put("embedding", pipeline.embeddingWorkerPort());
        ports.put("rag", pipeline.ragWorkerPort());
        ports.put("scoring", pipeline.scoringWorkerPort());
        ports.put("matching", pipeline.matchingWorkerPort());
        ports.put("detection", pipeline.detectionWorkerPort());
        return ports;
    }

    /** Every route of every service, from its request-mapping handler mapping, plus each actuator path. */
    static List<Route> of(LocalPipeline pipeline) {
        Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
        contexts.put("ingest", pipeline.ingestContext());
        contexts.put("results", pipeline.resultsContext());
        contexts.put("embedding", pipeline.embeddingWorkerContext());
        contexts.put("rag", pipeline.ragWorkerContext());
        contexts.put("scoring", pipeline.scoringWorkerContext());
        contexts.put("matching", pipeline.matchingWorkerContext());
        contexts.put("detection", pipeline.detectionWorkerContext());
        Map<String, Integer> ports = ports(pipeline);
        List<Route> routes = new ArrayList<>();
        contexts.forEach((service, context) -> {
            int port = ports.get(service);
            for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
                for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (var pattern : info.getPatternsCondition().getPatterns()) {
                        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                            routes.add(new Route(service, port, method.name(), pattern.getPatternString()));
                        }
                    }
                }
            }
            // Operator endpoints, which are not request mappings.
            for (String actuator : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
                routes.add(new Route(service, port, "GET", actuator));
            }
            routes.add(new Route(service, port, "GET", "/no-such-route"));
        });
        return routes;
    }

    /** An API route a client calls at the front door (not actuator, not the API docs, not the probe path). */
    static boolean isApi(Route route) {
        String p = route.pattern();
        return p.startsWith("/v1") || p.startsWith("/admin");
    }
}
