package dev.ticketbridge.e2e;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.deploy.StackPorts;
import dev.ticketbridge.testsupport.kafka.TestKafka;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole system, started once per test JVM exactly as the local stack starts it (real Kafka broker process,
 * PostgreSQL, Keycloak, the emulator and the four service jars), on free ports with databases of its own, plus a
 * second emulated ServiceNow instance so two tenants can each use their own.
 */
final class E2eStack {

    private static LocalStack stack;

    private E2eStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("ticketbridge.root", "..")).toAbsolutePath().normalize();
            String prefix = "tb_e2e_" + UUID.randomUUID().toString().substring(0, 8) + "_";
            try {
                stack = LocalStack.start(root, root.resolve("e2e/target/stack"), StackPorts.free().withSecondEmulator(), prefix,
                        LocalStack.Artifacts.fromSystemProperties(), line -> System.out.println("[stack] " + line));
            } catch (Exception e) {
                throw new IllegalStateException("the end-to-end stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
            TestKafka.use(stack.kafkaBootstrapServers());
        }
        return stack;
    }
}
