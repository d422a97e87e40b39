package com.talentpipeline.localstack.frontdoor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The front door's route table, read from the Kubernetes Ingress so that {@code ./run-local} and a cluster
 * route every path to the same service. Paths are ingress-nginx regular expressions, matched
 * case-insensitively from the start of the path (as nginx's {@code location ~*} does); the table's paths
 * are written mutually exclusive, so the first match is the only match. A path no rule matches goes to
 * the default backend.
 *
 * @param routes         the rules, in file order
 * @param defaultService the default backend's service name
 */
public record FrontDoorRoutes(List<Route> routes, String defaultService) {

    /** The Ingress on the classpath ({@code front-door/ingress.yaml}, copied from infra/k8s/base). */
    public static final String CLASSPATH_INGRESS = "front-door/ingress.yaml";

    public FrontDoorRoutes {
        routes = List.copyOf(routes);
    }

    /**
     * One path rule.
     *
     * @param path    the Ingress path (a regular expression)
     * @param service the backend service name
     */
    public record Route(String path, String service) {

        Pattern pattern() {
            return Pattern.compile("^" + path, Pattern.CASE_INSENSITIVE);
        }

        boolean matches(String requestPath) {
            return pattern().matcher(requestPath).lookingAt();
        }
    }

    /** Reads the Ingress that ships on the classpath. */
    public static FrontDoorRoutes fromClasspath() {
        try (InputStream in = FrontDoorRoutes.class.getClassLoader().getResourceAsStream(CLASSPATH_INGRESS)) {
            if (in == null) {
                throw new IllegalStateException("No " + CLASSPATH_INGRESS + " on the classpath");
            }
            return fromIngress(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an Ingress manifest (one YAML document of kind Ingress). */
    @SuppressWarnings("unchecked")
    public static FrontDoorRoutes fromIngress(InputStream yaml) {
        Map<String, Object> doc = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (doc == null || !"Ingress".equals(doc.get("kind"))) {
            throw new IllegalArgumentException("Not an Ingress manifest");
        }
        Map<String, Object> spec = (Map<String, Object>) doc.get("spec");
        String defaultService = serviceName((Map<String, Object>) spec.get("defaultBackend"));
        List<Route> routes = new ArrayList<>();
        for (Object rule : (List<Object>) spec.get("rules")) {
            Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) rule).get("http");
            for (Object entry : (List<Object>) http.get("paths")) {
                Map<String, Object> path = (Map<String, Object>) entry;
                routes.add(new Route((String) path.get("path"), serviceName((Map<String, Object>) path.get("backend"))));
            }
        }
        return new FrontDoorRoutes(routes, defaultService);
    }

    @SuppressWarnings("unchecked")
    private static String serviceName(Map<String, Object> backend) {
        return (String) ((Map<String, Object>) backend.get("service")).get("name");
    }

    /** The service that serves this request path (without its query). */
    public String serviceFor(String requestPath) {
        return matching(requestPath).map(Route::service).orElse(defaultService);
    }

    /** The rule that matches this path, if any. */
    public Optional<Route> matching(String requestPath) {
        return routes.stream().filter(route -> route.matches(requestPath)).findFirst();
    }

    /** Every rule that matches this path (more than one means the table is ambiguous). */
    public List<Route> allMatching(String requestPath) {
        return routes.stream().filter(route -> route.matches(requestPath)).toList();
    }
}
