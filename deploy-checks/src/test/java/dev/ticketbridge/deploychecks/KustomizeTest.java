package dev.ticketbridge.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KustomizeTest {

    @Test
    void containersMergeByNameWhileOtherListsAreReplaced() {
        Map<String, Object> target = new org.yaml.snakeyaml.Yaml().load("""
                spec:
                  containers:
                    - name: app
                      image: a:1
                      env: [{name: A, value: "1"}]
                  egress: [{ports: [{port: 5432}]}]
                """);
        Map<String, Object> patch = new org.yaml.snakeyaml.Yaml().load("""
                spec:
                  containers:
                    - name: app
                      env: [{name: B, value: "2"}]
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/24}}]}]
                """);
        StrategicMerge.merge(target, patch);
        assertThat(target.toString()).contains("image=a:1", "name=A", "name=B").doesNotContain("port=5432");
    }

    @Test
    void overlaysRetagImagesAndSetNamespaceAndReplicas() {
        List<Map<String, Object>> prod = Kustomize.render(Repo.path("deploy/kubernetes/overlays/prod"));
        Map<String, Object> gateway = prod.stream()
                .filter(o -> o.get("kind").equals("Deployment") && Kustomize.name(o).equals("gateway")).findFirst().orElseThrow();
        assertThat(Kustomize.metadata(gateway)).containsEntry("namespace", "ticketbridge");
        assertThat(Kustomize.spec(gateway)).containsEntry("replicas", 3);
        assertThat(gateway.toString()).contains("image=registry.example.com/ticketbridge/gateway:0.1.0");
    }

    @Test
    void aMisspeltFieldIsRejectedByTheModelCheck() {
        Map<String, Object> deployment = new org.yaml.snakeyaml.Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  template:
                    spec:
                      containers: [{name: app, image: a:1, readinessProbes: {}}]
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KubernetesModel.read(deployment))
                .hasMessageContaining("readinessProbes");
    }
}
