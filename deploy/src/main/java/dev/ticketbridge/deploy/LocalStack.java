package dev.ticketbridge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole of Ticketbridge on one machine without Docker: a Kafka broker, PostgreSQL, Keycloak, the
 * ServiceNow emulator with its demo seed and the four services, each process logging to its own file. Prints
 * "ready" once every health check passes and stops everything on Ctrl-C. Data is kept between runs;
 * {@code --reset} starts from empty.
 */
public final class LocalStack {

    private final StackLayout layout;
    private final StackPorts ports;
    private final Deque<ManagedProcess> started = new ArrayDeque<>();
    private LocalPostgres postgres;

    LocalStack(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path root = Path.of(System.getProperty("ticketbridge.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackLayout.under(root), StackPorts.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start(options.contains("--reset"), Path.of(required("ticketbridge.kafka.classpath")),
                    Path.of(required("ticketbridge.keycloak.dist")));
        } catch (Exception e) {
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start(boolean reset, Path kafkaClasspathFile, Path keycloakDist) throws Exception {
        long begin = System.nanoTime();
        if (reset) {
            deleteData();
        }
        Files.createDirectories(layout.logs());
        say("Starting Ticketbridge (logs in " + layout.logs() + ")");

        String kafkaClasspath = Files.readString(kafkaClasspathFile).trim();
        track(KafkaBroker.start(layout, kafkaClasspath, ports.kafka(), ports.kafkaController()));
        say("  Kafka broker        127.0.0.1:" + ports.kafka());

        postgres = LocalPostgres.start(layout);
        postgres.ensureDatabases(ServiceSpecs.DATABASES, reset);
        say("  " + postgres.describe());

        track(Keycloak.start(layout, keycloakDist, ports.keycloak()));
        say("  Keycloak            " + Keycloak.issuer(ports.keycloak()));

        Secrets secrets = Secrets.loadOrCreate(layout.data().resolve("secrets"));
        for (ServiceSpecs.Spec spec : ServiceSpecs.all(ports, postgres, secrets)) {
            ManagedProcess process = ManagedProcess.start(spec.name(), spec.command(layout), spec.env(), layout.root(),
                    layout.logs());
            track(process);
            process.awaitReady(() -> ManagedProcess.httpOk(spec.readinessUrl()), Duration.ofMinutes(2));
            say(String.format("  %-19s http://127.0.0.1:%d", spec.name(), spec.port()));
        }
        say("");
        say("Ticketbridge is ready in " + (System.nanoTime() - begin) / 1_000_000_000 + " s.");
        say("  Portal:  http://localhost:" + ports.gateway() + "/");
        say("  API:     http://localhost:" + ports.gateway() + "/q/swagger-ui");
        say("  Sign in: alex.admin / alex-demo-pass (security administrator, tenant Contoso)");
        say("           riley.reader / riley-demo-pass (security reader, tenant Contoso)");
        say("           fran.fabrikam / fran-demo-pass (security administrator, tenant Fabrikam)");
        say("  ServiceNow emulator: http://127.0.0.1:" + ports.emulator() + "/emulator/ui, instance URL http://127.0.0.1:"
                + ports.emulator());
        say("           integration user: " + ServiceSpecs.EMULATOR_INTEGRATION_USER
                + ", OAuth client: " + ServiceSpecs.EMULATOR_CLIENT_ID + " / " + ServiceSpecs.EMULATOR_CLIENT_SECRET);
        say("Press Ctrl-C to stop.");
    }

    void stop() {
        while (!started.isEmpty()) {
            ManagedProcess process = started.pop();
            process.stop(Duration.ofSeconds(15));
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private void track(ManagedProcess process) {
        started.push(process);
    }

    private void deleteData() throws IOException {
        if (Files.exists(layout.data())) {
            try (var paths = Files.walk(layout.data())) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException("system property " + property + " is required (see deploy/run-local.sh)");
        }
        return value;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
