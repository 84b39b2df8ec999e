package dev.ticketbridge.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?");
    private final ComposeFile compose = new ComposeFile();

    @Test
    void everyModuleOfTheReadmeRunsOnItsPort() {
        Map<String, Integer> readme = Repo.readmePorts();
        assertThat(readme).containsKeys(Repo.RUNNABLE.toArray(String[]::new));
        readme.forEach((module, port) ->
                assertThat(compose.ports(module)).as(module + " ports").contains(port + ":" + port));
    }

    @Test
    void servicesRunTheJibImagesOfThisVersion() {
        for (String module : Repo.RUNNABLE) {
            assertThat(compose.service(module).get("image")).as(module)
                    .isEqualTo("ticketbridge/" + module + ":${TICKETBRIDGE_VERSION:-" + Repo.version() + "}");
        }
        assertThat(Repo.read(".env.example")).contains("TICKETBRIDGE_VERSION=" + Repo.version());
    }

    @Test
    void infrastructureUsesTheOfficialImages() {
        assertThat(compose.service("kafka").get("image")).isEqualTo("apache/kafka:4.1.2");
        assertThat(compose.service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(compose.service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(compose.environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(String.valueOf(compose.service("keycloak").get("command"))).contains("start-dev", "--import-realm");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        compose.services().forEach((name, service) -> {
            if (!compose.isOneShot(name)) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            }
        });
    }

    @Test
    void quarkusHealthchecksAskTheReadinessEndpointOnTheServicePort() {
        Map<String, Integer> readme = Repo.readmePorts();
        for (String module : Repo.RUNNABLE) {
            @SuppressWarnings("unchecked")
            String test = String.valueOf(((Map<String, Object>) compose.service(module).get("healthcheck")).get("test"));
            assertThat(test).as(module).contains("/dev/tcp/127.0.0.1/" + readme.get(module), "GET /q/health/ready ",
                    "' 200 '").doesNotContain("curl");
        }
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        for (String name : compose.services().keySet()) {
            compose.dependsOn(name).forEach((dependency, spec) -> {
                String expected = compose.isOneShot(dependency) ? "service_completed_successfully" : "service_healthy";
                assertThat(spec).as(name + " -> " + dependency).containsEntry("condition", expected);
            });
        }
        for (String module : Repo.SERVICES) {
            assertThat(compose.dependsOn(module)).as(module).containsKeys("kafka", "postgres", "kafka-topics");
        }
        assertThat(compose.dependsOn("gateway")).containsKeys("keycloak", "connection-service");
        assertThat(compose.dependsOn("ticket-service")).containsKey("connection-service");
        assertThat(compose.dependsOn("sync-service")).containsKey("connection-service");
    }

    @Test
    void eachServiceGetsEveryPropertyItsProdProfileNeeds() {
        List<String> problems = new ArrayList<>();
        for (String module : Repo.SERVICES) {
            problems.addAll(RequiredConfig.missing(module, compose.resolvedEnvironment(module)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void eachServiceHasItsOwnDatabase() {
        String initScript = Repo.read("deploy/compose/initdb/01-databases.sql");
        Set<String> urls = new java.util.HashSet<>();
        for (String module : Repo.SERVICES) {
            String url = compose.environment(module).get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(url).as(module).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(initScript).contains("CREATE DATABASE " + url.substring(url.lastIndexOf('/') + 1) + ";");
            urls.add(url);
        }
        assertThat(urls).hasSize(Repo.SERVICES.size());
    }

    @Test
    void secretsComeFromTheEnvFileOrSecretFilesNeverFromTheComposeFile() {
        Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|_KEY|KEYS_).*");
        for (String name : compose.services().keySet()) {
            compose.environment(name).forEach((key, value) -> {
                if (secretName.matcher(key).matches() && !key.endsWith("_LOCATION") && !key.endsWith("_KEY_ID")) {
                    assertThat(value).as(name + " " + key).matches("\\$\\{\\w+:\\?[^}]*}");
                }
            });
        }
        compose.topLevel("secrets").forEach((name, secret) ->
                assertThat(String.valueOf(secret.get("file"))).as(name).startsWith("./.secrets/"));
    }

    @Test
    void everyRequiredVariableAndSecretFileIsExplainedInTheEnvExample() {
        String example = Repo.read(".env.example");
        Matcher variables = REQUIRED_VARIABLE.matcher(Repo.read("docker-compose.yml"));
        while (variables.find()) {
            assertThat(example).as(variables.group(1)).containsPattern("(?m)^" + variables.group(1) + "=$");
        }
        compose.topLevel("secrets").forEach((name, secret) -> {
            String file = String.valueOf(secret.get("file")).substring("./.secrets/".length());
            String made = file.replace("gateway-", "$s-").replace("ticket-service-", "$s-").replace("sync-service-", "$s-");
            assertThat(example).as(file).contains(".secrets/" + made);
        });
    }

    @Test
    void secretFileLocationsPointAtMountedSecrets() {
        for (String name : compose.services().keySet()) {
            Map<String, String> mounts = compose.secretMounts(name);
            compose.environment(name).forEach((key, value) -> {
                if (value.startsWith("/run/secrets/")) {
                    assertThat(mounts.values()).as(name + " " + key).contains(value);
                }
            });
        }
        for (String caller : List.of("gateway", "ticket-service", "sync-service")) {
            assertThat(compose.environment(caller)).as(caller)
                    .containsEntry("TICKETBRIDGE_SERVICE_AUTH_PRIVATE_KEY_LOCATION", "/run/secrets/" + caller + "-private-key");
        }
        assertThat(compose.environment("connection-service"))
                .containsEntry("QUARKUS_CONFIG_LOCATIONS", "/run/secrets/trusted-issuers.properties");
    }

    @Test
    void theContractTopicsAreCreatedAsTheAsyncApiDocumentSays() {
        String command = String.valueOf(compose.service("kafka-topics").get("command"));
        for (AsyncApiTopics.Topic topic : AsyncApiTopics.read()) {
            String line = command.lines().filter(l -> l.contains("--topic " + topic.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("topic " + topic.name() + " not created"));
            assertThat(line).contains("--partitions " + topic.partitions());
            topic.config().forEach((key, value) -> {
                if (!(key.equals("cleanup.policy") && value.equals("delete"))) {
                    assertThat(line).as(topic.name()).contains("--config " + key + "=" + value);
                }
            });
        }
    }
}
