package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code infra/docker-compose.yml} agrees with the code: every container has a health check and
 * resource limits, each pipeline service's environment variables are ones its configuration
 * really reads, its ports and readiness probe match its {@code <service>.yml}, and the files it
 * mounts or builds from exist.
 */
class ComposeFileTest {

    private static final Path COMPOSE = InfraFiles.root().resolve("docker-compose.yml");

    private static Map<String, Object> services() {
        return InfraFiles.asMap(InfraFiles.yaml(COMPOSE).get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        return InfraFiles.asMap(services().get(name), "service " + name);
    }

    @Test
    void everyContainerHasAHealthCheckAndResourceLimits() {
        assertThat(services()).containsKeys("kafka", "postgres", "redis", "prometheus", "grafana");
        assertThat(services()).containsKeys(ServiceConfigs.SERVICES.toArray(String[]::new));
        services().forEach((name, node) -> {
            Map<String, Object> service = InfraFiles.asMap(node, name);
            Map<String, Object> health = InfraFiles.asMap(service.get("healthcheck"), name + " healthcheck");
            assertThat(InfraFiles.asList(health.get("test"), name + " healthcheck.test")).as(name).isNotEmpty();
            Map<String, Object> limits = InfraFiles.asMap(InfraFiles.asMap(InfraFiles.asMap(
                    service.get("deploy"), name + " deploy").get("resources"), name + " resources").get("limits"), name + " limits");
            assertThat(limits).as(name + " limits").containsKeys("cpus", "memory");
            assertThat(String.valueOf(limits.get("memory"))).as(name + " memory").matches("\\d+[kmg]");
        });
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(InfraFiles.asMap(service("kafka").get("environment"), "kafka env"))
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
    }

    @Test
    void pipelineServicesReadEveryVariableTheyAreGivenAndListenWhereTheirConfigSays() {
        for (String name : ServiceConfigs.SERVICES) {
            Map<String, Object> service = service(name);
            Map<String, Object> env = InfraFiles.asMap(service.get("environment"), name + " environment");
            env.keySet().forEach(variable -> assertThat(ServiceConfigs.reads(name, variable))
                    .as(name + " reads " + variable + " (placeholders: " + ServiceConfigs.placeholders(name) + ")").isTrue());
            // The variables that point the service at the stack are all set.
            for (String needed : List.of("KAFKA_BOOTSTRAP_SERVERS", "REDIS_HOST", "REDIS_PORT")) {
                assertThat(env).as(name).containsKey(needed);
            }
            if (ServiceConfigs.placeholders(name).contains("R2DBC_URL")) {
                assertThat(env).as(name).containsKeys("R2DBC_URL", "JDBC_URL", "DB_USER", "DB_PASSWORD");
            }
            int port = ServiceConfigs.port(name);
            assertThat(env).as(name + " port variable").containsEntry(ServiceConfigs.portVariable(name), String.valueOf(port));
            // The ingest API's port is the front door's: its own is published elsewhere for operators.
            assertThat(InfraFiles.asList(service.get("ports"), name + " ports")).as(name)
                    .contains(name.equals("ingest-api") ? "8087:" + port : port + ":" + port);
            List<Object> test = InfraFiles.asList(InfraFiles.asMap(service.get("healthcheck"), name).get("test"), name);
            assertThat(String.join(" ", test.stream().map(String::valueOf).toList()))
                    .as(name + " health check").contains("http://localhost:" + port + "/actuator/health/readiness");
            Map<String, Object> build = InfraFiles.asMap(service.get("build"), name + " build");
            Path dockerfile = COMPOSE.getParent().resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile"))).normalize();
            assertThat(dockerfile).as(name + " Dockerfile").exists();
            assertDockerfile(name, dockerfile, port);
            assertThat(InfraFiles.asMap(service.get("depends_on"), name + " depends_on")).as(name).containsKey(
                    name.equals("ingest-api") ? "results-api" : "kafka");
        }
    }

    /**
     * One base URL under docker-compose too: nginx on :8080 with exactly the Ingress's paths to the results
     * API and everything else to the ingest API, as {@code ./run-local}'s front door and the cluster.
     */
    @Test
    void theFrontDoorRoutesAsTheIngress() throws Exception {
        Map<String, Object> door = service("front-door");
        assertThat(InfraFiles.asList(door.get("ports"), "front-door ports")).containsExactly("8080:8080");
        assertThat(InfraFiles.asList(door.get("volumes"), "front-door volumes"))
                .contains("./nginx/front-door.conf:/etc/nginx/nginx.conf:ro");
        services().forEach((name, node) -> {
            if (!name.equals("front-door") && InfraFiles.asMap(node, name).get("ports") != null) {
                assertThat(InfraFiles.asList(InfraFiles.asMap(node, name).get("ports"), name).stream()
                        .map(String::valueOf)).as(name + " must not take the base URL's port").noneMatch(p -> p.startsWith("8080:"));
            }
        });
        String conf = Files.readString(InfraFiles.root().resolve("nginx/front-door.conf"));
        java.util.List<String> toResults = new java.util.ArrayList<>();
        java.util.regex.Matcher location = java.util.regex.Pattern
                .compile("location ~ \"\\^([^\"]+)\" \\{ proxy_pass http://([a-z-]+); }").matcher(conf);
        while (location.find()) {
            assertThat(location.group(2)).as(location.group(1)).isEqualTo("results-api");
            toResults.add(location.group(1));
        }
        String ingress = Files.readString(InfraFiles.root().resolve("k8s/base/ingress.yaml"));
        java.util.List<String> ingressPaths = new java.util.ArrayList<>();
        java.util.regex.Matcher path = java.util.regex.Pattern.compile("- path: (\\S+)").matcher(ingress);
        while (path.find()) {
            ingressPaths.add(path.group(1));
        }
        assertThat(ingressPaths).hasSizeGreaterThan(5);
        assertThat(toResults).containsExactlyInAnyOrderElementsOf(ingressPaths);
        assertThat(conf).contains("location / { proxy_pass http://ingest-api; }")
                .contains("server ingest-api:8080;").contains("server results-api:8081;");
    }

    private static void assertDockerfile(String name, Path dockerfile, int port) {
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(text).as(dockerfile.toString())
                .contains("FROM eclipse-temurin:17-jre")
                .contains("COPY --chown=app:app " + name + "/target/" + name + "-*-exec.jar")
                .containsPattern("(?m)^USER 10001")
                .contains("EXPOSE " + port)
                .contains("http://localhost:" + port + "/actuator/health/readiness");
    }

    @Test
    void mountedConfigurationExists() {
        for (String name : List.of("prometheus", "grafana")) {
            for (Object volume : InfraFiles.asList(service(name).get("volumes"), name + " volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(COMPOSE.getParent().resolve(source).normalize()).as(name + " mounts " + source).exists();
                }
            }
        }
        Map<String, Object> grafanaEnv = InfraFiles.asMap(service("grafana").get("environment"), "grafana env");
        assertThat(grafanaEnv).containsEntry("PROMETHEUS_URL", "http://prometheus:9090");
        assertThat(InfraFiles.asList(service("prometheus").get("ports"), "prometheus ports")).contains("9090:9090");
    }
}
