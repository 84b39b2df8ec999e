package dev.ticketbridge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A real single-node Kafka broker (KRaft, combined mode) run from Apache Kafka's own jars as a child process. */
final class KafkaBroker {

    private KafkaBroker() {
    }

    /** Starts the broker, formatting its storage on first use; see {@link #awaitReady}. */
    static ManagedProcess start(StackLayout layout, String classpath, int port, int controllerPort) throws IOException,
            InterruptedException {
        Path dataDir = layout.data().resolve("kafka");
        Path config = layout.data().resolve("kafka-server.properties");
        Files.createDirectories(dataDir);
        Files.writeString(config, properties(dataDir, port, controllerPort));
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(layout, classpath, config);
        }
        ManagedProcess broker = ManagedProcess.start("kafka",
                List.of(layout.java(), "-Xmx512m", "-cp", classpath, "kafka.Kafka", config.toString()),
                Map.of(), layout.root(), layout.logs());
        return broker;
    }

    static void awaitReady(ManagedProcess broker) {
        broker.awaitReady(() -> broker.loggedSinceStart("Kafka Server started"), Duration.ofSeconds(90));
    }

    private static void format(StackLayout layout, String classpath, Path config) throws IOException, InterruptedException {
        Process format = new ProcessBuilder(layout.java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                "--standalone", "-t", clusterId(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logs().resolve("kafka-format.log").toFile()))
                .start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("formatting Kafka storage failed; see " + layout.logs().resolve("kafka-format.log"));
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static String properties(Path dataDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "") ;
    }
}
