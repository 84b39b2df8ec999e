package dev.ticketbridge.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesOverlaysTest {

    private static List<HasMetadata> render(String overlay) {
        return Kustomize.render(Repo.path("deploy/kubernetes/overlays/" + overlay)).stream()
                .map(KubernetesModel::read).toList();
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
        return all(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectFitsTheKubernetesAndStrimziModelsInOneNamespace(String overlay) {
        List<HasMetadata> objects = render(overlay);
        assertThat(objects).hasSizeGreaterThan(30);
        assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isNotBlank());
        assertThat(objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()))
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesRunTheirImageOnTheReadmePortWithSmallRyeHealthProbes(String overlay) {
        List<HasMetadata> objects = render(overlay);
        Map<String, Integer> ports = Repo.readmePorts();
        for (String module : Repo.SERVICES) {
            Container container = container(one(objects, Deployment.class, module));
            assertThat(container.getImage()).as(module).matches("([a-z0-9.-]+/)?ticketbridge/" + module + ":[\\w.-]+");
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).as(module).isEqualTo(ports.get(module));
            });
            assertProbe(container.getLivenessProbe(), "/q/health/live");
            assertProbe(container.getReadinessProbe(), "/q/health/ready");
            assertProbe(container.getStartupProbe(), "/q/health/started");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            Service service = one(objects, Service.class, module);
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(ports.get(module));
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
            assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", module);
            assertThat(one(objects, PodDisruptionBudget.class, module).getSpec().getSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", module);
        }
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceGetsEveryPropertyItsProdProfileNeeds(String overlay) {
        List<HasMetadata> objects = render(overlay);
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            Container container = container(one(objects, Deployment.class, module));
            Map<String, String> env = new LinkedHashMap<>();
            container.getEnvFrom().forEach(source -> env.putAll(
                    one(objects, ConfigMap.class, source.getConfigMapRef().getName()).getData()));
            for (EnvVar variable : container.getEnv()) {
                env.put(variable.getName(), variable.getValue() != null ? variable.getValue() : "from-secret");
            }
            problems.addAll(RequiredConfig.missing(module, env));
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretAndGeneratedConfigMapTheServicesUseIsDocumentedForTheSre(String overlay) {
        List<HasMetadata> objects = render(overlay);
        Set<String> inTree = objects.stream().filter(ConfigMap.class::isInstance).map(o -> o.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> external = new TreeSet<>();
        for (Deployment deployment : all(objects, Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(c -> c.getEnv().stream().filter(e -> e.getValueFrom() != null)
                    .forEach(e -> external.add(e.getValueFrom().getSecretKeyRef().getName() + " "
                            + e.getValueFrom().getSecretKeyRef().getKey())));
            pod.getVolumes().forEach(v -> {
                if (v.getSecret() != null) {
                    external.add(v.getSecret().getSecretName());
                } else if (v.getConfigMap() != null && !inTree.contains(v.getConfigMap().getName())) {
                    external.add(v.getConfigMap().getName());
                }
            });
        }
        String readme = Repo.read("deploy/kubernetes/README.md");
        for (String reference : external) {
            String[] nameAndKey = reference.split(" ");
            assertThat(readme).as(reference).contains(" " + nameAndKey[0] + " ");
            if (nameAndKey.length > 1) {
                assertThat(readme).as(reference).containsPattern("--from-\\w+=" + nameAndKey[1] + "\\b");
            }
        }
        assertThat(external).contains("connection-service-encryption primary", "connection-service-trusted-issuers",
                "gateway-key", "ticket-service-key", "sync-service-key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromOutside(String overlay) {
        List<HasMetadata> objects = render(overlay);
        assertThat(all(objects, Ingress.class)).singleElement().satisfies(ingress -> ingress.getSpec().getRules()
                .forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                        assertThat(path.getBackend().getService().getName()).isEqualTo("gateway"))));
        assertThat(all(objects, Service.class)).allSatisfy(service ->
                assertThat(service.getSpec().getType() == null ? "ClusterIP" : service.getSpec().getType())
                        .isIn("ClusterIP", "ExternalName"));
        NetworkPolicy deny = one(objects, NetworkPolicy.class, "ticketbridge-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        for (Deployment deployment : all(objects, Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "ticketbridge");
        }
        List<NetworkPolicy> fromOtherNamespaces = all(objects, NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().stream()
                        .anyMatch(peer -> peer.getNamespaceSelector() != null || peer.getIpBlock() != null)))
                .toList();
        assertThat(fromOtherNamespaces).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("gateway-ingress-from-controller", "ticketbridge-metrics-scrape");
        assertThat(one(objects, NetworkPolicy.class, "gateway-ingress-from-controller").getSpec().getPodSelector()
                .getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "gateway"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressRoutesThePortalAndTheApiButNotQuarkusEndpoints(String overlay) {
        Ingress ingress = one(render(overlay), Ingress.class, "gateway");
        List<String> routes = ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getPathType() + " " + path.getPath()).toList();

        assertThat(routes).containsExactlyInAnyOrder("Exact /", "Exact /index.html", "Prefix /api", "Prefix /app",
                "Prefix /css", "Prefix /img");
        try (Stream<Path> assets = Files.list(Repo.path("portal/src/main/resources/META-INF/resources"))) {
            assertThat(assets.map(asset -> asset.getFileName().toString()))
                    .as("every top-level portal file or folder is routed")
                    .allSatisfy(asset -> assertThat(routes).anyMatch(route -> route.endsWith("/" + asset)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ticketServiceScalesNoFurtherThanItsTopicHasPartitions(String overlay) {
        List<HasMetadata> objects = render(overlay);
        HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class, "ticket-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("ticket-service");
        int partitions = topic(objects, "ticketing.share-requests").getSpec().getPartitions();
        assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsFollowTheAsyncApiDocumentAndCoverEveryTopicTheServicesUse(String overlay) {
        List<HasMetadata> objects = render(overlay);
        for (AsyncApiTopics.Topic expected : AsyncApiTopics.read()) {
            KafkaTopic topic = topic(objects, expected.name());
            assertThat(topic.getSpec().getPartitions()).as(expected.name()).isEqualTo(expected.partitions());
            expected.config().forEach((key, value) ->
                    assertThat(String.valueOf(topic.getSpec().getConfig().get(key))).as(expected.name() + " " + key)
                            .isEqualTo(value));
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "ticketbridge");
        }
        for (String module : Repo.SERVICES) {
            Repo.applicationProperties(module).forEach((key, value) -> {
                if (String.valueOf(key).matches("mp\\.messaging\\..*\\.topic")) {
                    topic(objects, String.valueOf(value));
                }
            });
        }
        int brokers = overlay.equals("dev") ? 1 : 3;
        assertThat(all(objects, KafkaTopic.class)).allSatisfy(t -> assertThat(t.getSpec().getReplicas()).isEqualTo(brokers));
    }

    private static KafkaTopic topic(List<HasMetadata> objects, String name) {
        return all(objects, KafkaTopic.class).stream().filter(t -> name.equals(t.getSpec().getTopicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic for " + name));
    }
}
