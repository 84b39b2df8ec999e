package dev.ticketbridge.e2e;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.deploy.StackPorts;
import dev.ticketbridge.testsupport.kafka.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The whole system, started once per test JVM exactly as the local stack starts it (real Kafka broker process,
 * PostgreSQL, Keycloak, the emulator and the four service jars), on free ports with databases of its own, plus a
 * second emulated ServiceNow instance so two tenants can each use their own.
 */
public final class E2eStack {

    private static final List<String> APPS = List.of("servicenow-emulator", "connection-service", "ticket-service",
            "sync-service", "gateway");

    private static LocalStack stack;

    private E2eStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("ticketbridge.root", "..")).toAbsolutePath().normalize();
            String id = UUID.randomUUID().toString().substring(0, 8);
            String prefix = "tb_e2e_" + id + "_";
            // A folder per test JVM: several suites may run their own stacks side by side on one machine.
            Path data = root.resolve("e2e/target/stack-" + id);
            Path apps = root.resolve("e2e/target/apps-" + id);
            try {
                snapshotApps(root, apps);
                stack = LocalStack.start(apps, data, StackPorts.free().withSecondEmulator(), prefix,
                        LocalStack.Artifacts.fromSystemProperties(), line -> System.out.println("[stack] " + line));
            } catch (Exception e) {
                throw new IllegalStateException("the end-to-end stack did not start: " + e.getMessage(), e);
            }
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteAllBut(data, started.logs());
                deleteAllBut(apps, data);
            }, "e2e-stack-stop"));
            TestKafka.use(stack.kafkaBootstrapServers());
        }
        return stack;
    }

    /**
     * Links the built Quarkus applications the stack runs into a folder of their own, so that a module rebuilt while
     * the tests run (which replaces its target/quarkus-app) does not pull the files from under a running process.
     */
    private static void snapshotApps(Path root, Path apps) throws IOException {
        for (String module : APPS) {
            Path app = root.resolve(module).resolve("target/quarkus-app");
            if (!Files.exists(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is missing: build the services first (install -DskipTests)");
            }
            try (Stream<Path> paths = Files.walk(app)) {
                for (Path source : paths.toList()) {
                    Path target = apps.resolve(root.relativize(source));
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        try {
                            Files.createLink(target, source);
                        } catch (IOException | UnsupportedOperationException e) {
                            Files.copy(source, target);
                        }
                    }
                }
            }
        }
    }

    /** Removes the stack's data (Kafka log, Keycloak copy) once it stopped, keeping the process logs. */
    private static void deleteAllBut(Path data, Path keep) {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).filter(p -> !p.startsWith(keep) && !keep.startsWith(p))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.out.println("[stack] could not remove " + data + ": " + e.getMessage());
        }
    }
}
