package dev.ticketbridge.testsupport.kafka;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.testsupport.Docker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every test. In order of preference: the broker named by
 * {@code KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers broker when a Docker engine is available; otherwise a KRaft
 * broker started inside this JVM with Kafka's own test kit. Ports are always dynamic.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class.getName());
    private static volatile String bootstrapServers;

    private TestKafka() {
    }

    /** Starts the shared broker on first use and creates the contract's topics. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            synchronized (TestKafka.class) {
                if (bootstrapServers == null) {
                    long started = System.nanoTime();
                    String servers = start();
                    createTopics(servers, contractTopics());
                    LOG.info(() -> "Kafka ready at " + servers + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
                    bootstrapServers = servers;
                }
            }
        }
        return bootstrapServers;
    }

    /** Makes every helper of this class use a broker started elsewhere (for example by the end-to-end stack). */
    public static synchronized void use(String servers) {
        createTopics(servers, contractTopics());
        bootstrapServers = servers;
    }

    private static String start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
            return container.getBootstrapServers();
        }
        return startInJvm();
    }

    private static String startInJvm() {
        // At JVM exit the broker may see its temporary folder vanish before it has stopped; Kafka then halts the JVM
        // with a non-zero code, which the test runner reports as a crashed fork. A test broker must never do that.
        Exit.setHaltProcedure((code, message) -> LOG.warning("Kafka test broker asked to halt (" + code + "): " + message));
        Exit.setExitProcedure((code, message) -> LOG.warning("Kafka test broker asked to exit (" + code + "): " + message));
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(java.nio.file.Files.createTempDirectory("ticketbridge-kafka"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(cluster), "kafka-testkit-stop"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start an in-JVM Kafka broker", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warning("Kafka test broker did not close cleanly: " + e);
        }
    }

    /** The contract's topics with the partition counts and cleanup policies of the AsyncAPI document. */
    public static List<NewTopic> contractTopics() {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.SHARE_REQUESTS, 3, (short) 1));
        topics.add(new NewTopic(Topics.SHARE_REQUESTS_DLQ, 1, (short) 1));
        topics.add(new NewTopic(Topics.TICKET_EVENTS, 3, (short) 1));
        topics.add(new NewTopic(Topics.CONNECTION_EVENTS, 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public static void createTopics(String servers, List<NewTopic> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + topics, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a topic with the given partitions on the shared broker. */
    public static void createTopic(String name, int partitions) {
        createTopics(bootstrapServers(), List.of(new NewTopic(name, partitions, (short) 1)));
    }

    static Duration defaultTimeout() {
        return Duration.ofSeconds(30);
    }
}
