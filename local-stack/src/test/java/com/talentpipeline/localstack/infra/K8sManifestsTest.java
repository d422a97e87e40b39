package com.talentpipeline.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.talentpipeline.core.topic.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests agree with the code: container ports and Service target ports are the
 * services' configured ports, probes use the actuator health groups, every env variable is read
 * by the service, KEDA scales on the worker's real consumer group and topics with at most one
 * replica per partition, and the kustomizations list files that exist.
 */
class K8sManifestsTest {

    private static final Path K8S = InfraFiles.root().resolve("k8s");

    private static List<Map<String, Object>> base() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Path file : InfraFiles.list("k8s/base", ".yaml")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                docs.addAll(InfraFiles.yamlDocuments(file));
            }
        }
        return docs;
    }

    private static Map<String, Object> find(String kind, String name) {
        return base().stream().filter(d -> kind.equals(d.get("kind")) && name.equals(metadata(d).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, Object> metadata(Map<String, Object> doc) {
        return InfraFiles.asMap(doc.get("metadata"), "metadata of " + doc.get("kind"));
    }

    private static Map<String, Object> map(Object node, String where) {
        return InfraFiles.asMap(node, where);
    }

    /**
     * The one front door: every rule (and the default backend) names a Service of the base with a port
     * named http, the workers' rules are the only ones that name workers, and the file is in the kustomization.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theIngressRoutesToServicesThatExist() {
        Map<String, Object> ingress = find("Ingress", "talent-pipeline");
        Map<String, Object> spec = map(ingress.get("spec"), "spec");
        List<Map<String, Object>> backends = new ArrayList<>();
        backends.add(map(spec.get("defaultBackend"), "defaultBackend"));
        for (Object rule : (List<Object>) spec.get("rules")) {
            for (Object path : (List<Object>) map(map(rule, "rule").get("http"), "http").get("paths")) {
                Map<String, Object> entry = map(path, "path");
                assertThat(entry.get("pathType")).isEqualTo("ImplementationSpecific");
                assertThat(String.valueOf(entry.get("path"))).as("a rule starts at the root").startsWith("/");
                // Compiles as the regular expression ingress-nginx will use.
                java.util.regex.Pattern.compile("^" + entry.get("path"));
                backends.add(map(entry.get("backend"), "backend"));
            }
        }
        for (Map<String, Object> backend : backends) {
            Map<String, Object> service = map(backend.get("service"), "service");
            String name = String.valueOf(service.get("name"));
            Map<String, Object> target = find("Service", name);
            List<Object> ports = (List<Object>) map(target.get("spec"), "spec").get("ports");
            assertThat(ports).as(name + " has a port named http").anySatisfy(p -> assertThat(map(p, "port").get("name")).isEqualTo("http"));
            assertThat(map(service.get("port"), "port").get("name")).isEqualTo("http");
        }
        assertThat(String.valueOf(map(map(spec.get("defaultBackend"), "d").get("service"), "s").get("name"))).isEqualTo("ingest-api");
        assertThat(String.valueOf(InfraFiles.yaml(K8S.resolve("base/kustomization.yaml")).get("resources"))).contains("ingress.yaml");
    }

    @Test
    void everyManifestHasApiVersionKindAndName() {
        assertThat(base()).isNotEmpty().allSatisfy(doc -> {
            assertThat(doc).containsKeys("apiVersion", "kind", "metadata");
            assertThat(metadata(doc)).containsKey("name");
        });
    }

    @Test
    void deploymentsServicesAndProbesMatchTheServicesConfiguration() {
        Map<String, String> configMaps = new HashMap<>();
        base().stream().filter(d -> "ConfigMap".equals(d.get("kind"))).forEach(d ->
                map(d.get("data"), "data").forEach((k, v) -> configMaps.put(metadata(d).get("name") + "/" + k, String.valueOf(v))));
        for (String name : ServiceConfigs.SERVICES) {
            int port = ServiceConfigs.port(name);
            Map<String, Object> deployment = find("Deployment", name);
            Map<String, Object> spec = map(deployment.get("spec"), name + " spec");
            Map<String, Object> podSpec = map(map(spec.get("template"), "template").get("spec"), "pod spec");
            Map<String, Object> labels = map(map(map(spec.get("template"), "template").get("metadata"), "meta").get("labels"), "labels");
            assertThat(map(map(spec.get("selector"), "selector").get("matchLabels"), "matchLabels")).isEqualTo(labels);
            assertThat(map(podSpec.get("securityContext"), "securityContext")).containsEntry("runAsNonRoot", true);
            List<Object> containers = InfraFiles.asList(podSpec.get("containers"), "containers");
            assertThat(containers).hasSize(1);
            Map<String, Object> container = map(containers.get(0), "container");
            Map<String, Object> portSpec = map(InfraFiles.asList(container.get("ports"), "ports").get(0), "port");
            assertThat(portSpec).as(name).containsEntry("containerPort", port).containsEntry("name", "http");
            assertProbe(name, container, "livenessProbe", "/actuator/health/liveness");
            assertProbe(name, container, "readinessProbe", "/actuator/health/readiness");
            assertProbe(name, container, "startupProbe", "/actuator/health/liveness");

            List<String> variables = new ArrayList<>();
            for (Object e : InfraFiles.asList(container.get("env"), name + " env")) {
                variables.add(String.valueOf(map(e, "env").get("name")));
            }
            for (Object from : InfraFiles.asList(container.get("envFrom"), name + " envFrom")) {
                String cm = String.valueOf(map(map(from, "envFrom").get("configMapRef"), "configMapRef").get("name"));
                List<String> keys = configMaps.keySet().stream().filter(k -> k.startsWith(cm + "/"))
                        .map(k -> k.substring(cm.length() + 1)).toList();
                assertThat(keys).as("ConfigMap " + cm + " of " + name).isNotEmpty();
                variables.addAll(keys);
            }
            assertThat(variables).as(name).contains(ServiceConfigs.portVariable(name), "KAFKA_BOOTSTRAP_SERVERS");
            variables.forEach(v -> assertThat(ServiceConfigs.reads(name, v)).as(name + " reads " + v).isTrue());
            Map<String, Object> annotations = map(map(map(spec.get("template"), "t").get("metadata"), "m").get("annotations"), "a");
            assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");

            Map<String, Object> service = find("Service", name);
            Map<String, Object> servicePort = map(InfraFiles.asList(map(service.get("spec"), "spec").get("ports"), "ports").get(0), "port");
            assertThat(servicePort).as(name + " Service").containsEntry("port", port).containsEntry("targetPort", "http");
            assertThat(map(map(service.get("spec"), "spec").get("selector"), "selector")).isEqualTo(labels);
            Map<String, Object> pdb = find("PodDisruptionBudget", name);
            assertThat(map(map(map(pdb.get("spec"), "spec").get("selector"), "s").get("matchLabels"), "m")).isEqualTo(labels);
        }
    }

    private static void assertProbe(String name, Map<String, Object> container, String probe, String path) {
        Map<String, Object> httpGet = map(map(container.get(probe), name + " " + probe).get("httpGet"), probe + " httpGet");
        assertThat(httpGet).as(name + " " + probe).containsEntry("path", path).containsEntry("port", "http");
    }

    @Test
    void kedaScalesTheWorkerOnItsConsumerGroupUpToThePartitionCount() {
        assertScaledOnLag("embedding-worker", Topics.RESUME_SUBMITTED_NAME, Topics.JOB_SUBMITTED_NAME);
    }

    @Test
    void kedaScalesTheRagWorkerOnItsOwnConsumerGroupUpToThePartitionCount() {
        assertScaledOnLag("rag-worker", Topics.RESUME_EMBEDDED_NAME);
    }

    @Test
    void kedaScalesTheScoringWorkerAndTheResultsApiOnTheTopicsTheyConsume() {
        assertScaledOnLag("scoring-worker", Topics.RESUME_EMBEDDED_NAME, Topics.INTERVIEW_SUBMITTED_NAME);
        assertScaledOnLag("results-api", Topics.TASK_EVENTS_NAME);
    }

    @Test
    void kedaScalesTheMatchingWorkerOnRecommendationWorkAndOnTheFrontDoorsQuestions() {
        // No HTTP trigger: the worker serves no API besides actuator; its questions arrive on Kafka.
        assertScaledOnLag("matching-worker", Topics.RESUME_EMBEDDED_NAME, Topics.MATCH_REQUESTED_NAME,
                Topics.MATCH_BATCH_REQUESTED_NAME, Topics.JOB_CLUSTERS_REQUESTED_NAME, Topics.JOB_SEARCH_REQUESTED_NAME,
                Topics.JOB_CANDIDATES_REQUESTED_NAME, Topics.RECOMMENDATIONS_REQUESTED_NAME);
        assertThat(String.valueOf(map(map(ServiceConfigs.yaml("matching-worker").get("management"), "m")
                .get("metrics"), "metrics").get("tags"))).contains("service=matching-worker");
    }

    @Test
    void kedaScalesTheDetectionWorkerOnItsOwnConsumerGroupUpToThePartitionCount() {
        assertScaledOnLag("detection-worker", Topics.IMAGE_SUBMITTED_NAME);
    }

    private static void assertScaledOnLag(String worker, String... expectedTopics) {
        Map<String, Object> scaled = find("ScaledObject", worker);
        Map<String, Object> spec = map(scaled.get("spec"), "spec");
        assertThat(map(spec.get("scaleTargetRef"), "ref")).containsEntry("name", worker);
        String group = String.valueOf(map(map(map(ServiceConfigs.yaml(worker).get("spring"), "spring")
                .get("kafka"), "kafka").get("consumer"), "consumer").get("group-id"));
        // Every worker is a listed service with its own group (results-api included).
        assertThat(group).as(worker + " consumer group").isEqualTo(worker);
        List<String> topics = new ArrayList<>();
        for (Object t : InfraFiles.asList(spec.get("triggers"), "triggers")) {
            Map<String, Object> trigger = map(t, "trigger");
            assertThat(trigger).containsEntry("type", "kafka");
            Map<String, Object> metadata = map(trigger.get("metadata"), "trigger metadata");
            assertThat(metadata).as(worker).containsEntry("consumerGroup", group).containsKeys("bootstrapServers", "lagThreshold");
            topics.add(String.valueOf(metadata.get("topic")));
        }
        assertThat(topics).as(worker + " topics").containsExactlyInAnyOrder(expectedTopics);
        int partitions = topics.stream().mapToInt(t -> Topics.byName(t).partitions()).min().orElseThrow();
        assertThat(spec.get("maxReplicaCount")).as(worker + " maxReplicaCount").isEqualTo(partitions);
        assertThat((Integer) spec.get("minReplicaCount")).as(worker + " minReplicaCount").isBetween(1, partitions);
    }

    @Test
    void kustomizationsReferenceExistingFilesAndTheGpuOverlayAsksForAGpu() {
        for (String dir : List.of("base", "overlays/gpu")) {
            Map<String, Object> kustomization = InfraFiles.yaml(K8S.resolve(dir).resolve("kustomization.yaml"));
            for (Object resource : InfraFiles.asList(kustomization.get("resources"), dir + " resources")) {
                assertThat(K8S.resolve(dir).resolve(String.valueOf(resource)).normalize()).as(dir + " " + resource).exists();
            }
        }
        Map<String, Object> overlay = InfraFiles.yaml(K8S.resolve("overlays/gpu/kustomization.yaml"));
        for (Object p : InfraFiles.asList(overlay.get("patches"), "patches")) {
            assertThat(K8S.resolve("overlays/gpu").resolve(String.valueOf(map(p, "patch").get("path")))).exists();
        }
        Map<String, Object> patch = InfraFiles.yaml(K8S.resolve("overlays/gpu/embedding-worker-gpu.yaml"));
        Map<String, Object> container = map(InfraFiles.asList(map(map(map(patch.get("spec"), "spec").get("template"), "t")
                .get("spec"), "s").get("containers"), "containers").get(0), "container");
        assertThat(container).containsEntry("name", "embedding-worker");
        assertThat(map(map(container.get("resources"), "resources").get("limits"), "limits")).containsEntry("nvidia.com/gpu", 1);
        for (Object e : InfraFiles.asList(container.get("env"), "env")) {
            String variable = String.valueOf(map(e, "env").get("name"));
            assertThat(ServiceConfigs.reads("embedding-worker", variable)).as("embedding-worker reads " + variable).isTrue();
        }
        // The workers that compare their query-time encodings with the published vectors get the same model.
        Map<String, String> gpuModel = env(container);
        for (String worker : List.of("scoring-worker", "rag-worker", "matching-worker")) {
            Map<String, Object> workerPatch = InfraFiles.yaml(K8S.resolve("overlays/gpu/" + worker + "-model.yaml"));
            Map<String, Object> c = map(InfraFiles.asList(map(map(map(workerPatch.get("spec"), "spec").get("template"), "t")
                    .get("spec"), "s").get("containers"), "containers").get(0), "container");
            assertThat(c).containsEntry("name", worker);
            assertThat(env(c)).as(worker).containsEntry("TEXT_MODEL_URL", gpuModel.get("TEXT_MODEL_URL"))
                    .containsEntry("TEXT_MODEL_ENGINE", gpuModel.get("TEXT_MODEL_ENGINE"));
            env(c).keySet().forEach(v -> assertThat(ServiceConfigs.reads(worker, v)).as(worker + " reads " + v).isTrue());
        }
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Object e : InfraFiles.asList(container.get("env"), "env")) {
            env.put(String.valueOf(map(e, "env").get("name")), String.valueOf(map(e, "env").get("value")));
        }
        return env;
    }
}
