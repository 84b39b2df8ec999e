package dev.ticketbridge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Starts the whole of Ticketbridge on one machine without Docker: a Kafka broker, PostgreSQL, Keycloak, the
 * ServiceNow emulator with its demo seed and the four services, each process logging to its own file. Prints
 * "ready" once every health check passes and stops everything on Ctrl-C. Data is kept between runs;
 * {@code --reset} starts from empty. The end-to-end tests start the stack through the same class.
 */
public final class LocalStack implements AutoCloseable {

    /** Processes the others depend on; they stop last. */
    private static final java.util.Set<String> INFRASTRUCTURE = java.util.Set.of("kafka", "keycloak");

    private final StackLayout layout;
    private final StackPorts ports;
    private final Consumer<String> out;
    private final String databasePrefix;
    private final Deque<ManagedProcess> started = new ArrayDeque<>();
    private final Map<String, ManagedProcess> byName = new LinkedHashMap<>();
    private final Map<String, ServiceSpecs.Spec> specsByName = new LinkedHashMap<>();
    private String kafkaClasspath;
    private LocalPostgres postgres;

    private LocalStack(StackLayout layout, StackPorts ports, String databasePrefix, Consumer<String> out) {
        this.layout = layout;
        this.ports = ports;
        this.databasePrefix = databasePrefix;
        this.out = out;
    }

    /** What the stack needs from the build: the Kafka classpath file and the Keycloak distribution zip. */
    public record Artifacts(Path kafkaClasspathFile, Path keycloakDist) {

        public static Artifacts fromSystemProperties() {
            return new Artifacts(Path.of(required("ticketbridge.kafka.classpath")),
                    Path.of(required("ticketbridge.keycloak.dist")));
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path root = Path.of(System.getProperty("ticketbridge.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackLayout.under(root), StackPorts.defaults(), "tb_", LocalStack::say);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.boot(options.contains("--reset"), Artifacts.fromSystemProperties());
            stack.printWelcome();
        } catch (Exception e) {
            System.err.println("Local stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    /**
     * Starts a stack whose state lives in {@code dataDir}, on the given ports, with databases named
     * {@code <databasePrefix><service>}; close it to stop everything.
     */
    public static LocalStack start(Path root, Path dataDir, StackPorts ports, String databasePrefix, Artifacts artifacts,
            Consumer<String> out) throws Exception {
        LocalStack stack = new LocalStack(StackLayout.of(root, dataDir), ports, databasePrefix, out);
        try {
            stack.boot(true, artifacts);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    public StackPorts ports() {
        return ports;
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public String emulatorUrl() {
        return "http://127.0.0.1:" + ports.emulator();
    }

    public String keycloakIssuer() {
        return Keycloak.issuer(ports.keycloak());
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** The second emulated ServiceNow instance's URL, when the stack was started with one. */
    public String secondEmulatorUrl() {
        if (ports.secondEmulator() == 0) {
            throw new IllegalStateException("this stack runs a single emulated ServiceNow instance");
        }
        return "http://127.0.0.1:" + ports.secondEmulator();
    }

    /** The names of the stack's processes ({@code kafka}, {@code keycloak}, the emulators and the four services). */
    public List<String> processNames() {
        return List.copyOf(byName.keySet());
    }

    /** The running process of that name (for measuring it: resident memory, start-up time from its log). */
    public ProcessHandle process(String name) {
        return managed(name).handle();
    }

    /** The log file of that process. */
    public Path log(String name) {
        return managed(name).log();
    }

    /** A setting the stack gave a service or emulator, or null where it left the service's own default. */
    public String setting(String name, String key) {
        ServiceSpecs.Spec spec = specsByName.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("the stack configures " + specsByName.keySet() + ", not " + name);
        }
        return spec.config().get(key);
    }

    /** Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would; see {@link #restart}. */
    public void kill(String name) {
        managed(name).kill();
        out.accept("  " + name + " killed");
    }

    /** Stops the process gently (SIGTERM, then SIGKILL after 15 s); see {@link #restart}. */
    public void stop(String name) {
        managed(name).stop(Duration.ofSeconds(15));
        out.accept("  " + name + " stopped");
    }

    /**
     * Starts the named process again with its original configuration and data (stopping it first if it still runs)
     * and waits until it is ready again.
     */
    public void restart(String name) throws IOException, InterruptedException {
        restart(name, Map.of());
    }

    /**
     * As {@link #restart(String)}, with {@code settings} added to the process's configuration (a service or emulator,
     * not kafka); later restarts keep them. Tests use it to run a service with, say, shorter timeouts.
     */
    public void restart(String name, Map<String, String> settings) throws IOException, InterruptedException {
        if (!settings.isEmpty()) {
            ServiceSpecs.Spec spec = specsByName.get(name);
            if (spec == null) {
                throw new IllegalArgumentException("the stack cannot configure " + name + "; it configures "
                        + specsByName.keySet());
            }
            specsByName.put(name, spec.with(settings));
        }
        ManagedProcess old = managed(name);
        old.stop(Duration.ofSeconds(15));
        if (name.equals("kafka")) {
            ManagedProcess kafka = track(KafkaBroker.start(layout, kafkaClasspath, ports.kafka(), ports.kafkaController()));
            KafkaBroker.awaitReady(kafka);
        } else {
            ServiceSpecs.Spec spec = specsByName.get(name);
            if (spec == null) {
                throw new IllegalArgumentException("the stack cannot restart " + name + "; it restarts " + specsByName.keySet()
                        + " and kafka");
            }
            ManagedProcess process = track(ManagedProcess.start(spec.name(), spec.command(layout), spec.env(), layout.root(),
                    layout.logs()));
            process.awaitReady(() -> ManagedProcess.httpOk(spec.readinessUrl()), Duration.ofMinutes(3));
        }
        out.accept("  " + name + " restarted");
    }

    private ManagedProcess managed(String name) {
        ManagedProcess process = byName.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process named " + name + " in this stack; it runs " + byName.keySet());
        }
        return process;
    }

    public Path logs() {
        return layout.logs();
    }

    private void boot(boolean reset, Artifacts artifacts) throws Exception {
        long begin = System.nanoTime();
        if (reset) {
            deleteData();
        }
        Files.createDirectories(layout.logs());
        out.accept("Starting Ticketbridge (logs in " + layout.logs() + ")");

        // Slow starters first and side by side: the broker and Keycloak boot while PostgreSQL is prepared.
        kafkaClasspath = Files.readString(artifacts.kafkaClasspathFile()).trim();
        ManagedProcess kafka = track(KafkaBroker.start(layout, kafkaClasspath, ports.kafka(), ports.kafkaController()));
        ManagedProcess keycloak = track(Keycloak.start(layout, artifacts.keycloakDist(), ports.keycloak(), gatewayUrl()));

        postgres = LocalPostgres.start(layout);
        postgres.ensureDatabases(ServiceSpecs.DATABASE_OWNERS.stream().map(o -> databasePrefix + o).toList(), reset);
        out.accept("  " + postgres.describe());

        KafkaBroker.awaitReady(kafka);
        out.accept("  Kafka broker        " + kafkaBootstrapServers());

        Secrets secrets = Secrets.loadOrCreate(layout.data().resolve("secrets"));
        List<ServiceSpecs.Spec> specs = ServiceSpecs.all(ports, postgres, databasePrefix, secrets);
        specs.forEach(spec -> specsByName.put(spec.name(), spec));
        // The gateway validates tokens against Keycloak from its start, so it comes up once Keycloak is ready.
        List<ServiceSpecs.Spec> backends = specs.stream().filter(s -> !s.name().equals("gateway")).toList();
        startAll(backends);
        Keycloak.awaitReady(keycloak, ports.keycloak());
        out.accept("  Keycloak            " + keycloakIssuer());
        startAll(specs.stream().filter(s -> s.name().equals("gateway")).toList());
        out.accept("Ticketbridge is ready in " + (System.nanoTime() - begin) / 1_000_000_000 + " s.");
    }

    private void printWelcome() {
        say("");
        say("  Portal:  " + gatewayUrl() + "/");
        say("  API:     " + gatewayUrl() + "/q/swagger-ui");
        say("  Sign in: alex.admin / alex-demo-pass (security administrator, tenant Contoso)");
        say("           riley.reader / riley-demo-pass (security reader, tenant Contoso)");
        say("           fran.fabrikam / fran-demo-pass (security administrator, tenant Fabrikam)");
        say("  ServiceNow emulator: " + emulatorUrl() + "/emulator/ui (instance URL " + emulatorUrl() + ")");
        say("           integration user: " + ServiceSpecs.EMULATOR_INTEGRATION_USER);
        say("           OAuth application: " + ServiceSpecs.EMULATOR_CLIENT_ID + " / " + ServiceSpecs.EMULATOR_CLIENT_SECRET);
        say("Press Ctrl-C to stop.");
    }

    /**
     * Stops every process: the services and emulators side by side, then the broker and Keycloak side by side, so
     * the whole stack is down in about the time of its slowest process (a test JVM has little time to exit).
     */
    @Override
    public void close() {
        List<ManagedProcess> all = List.copyOf(started);
        started.clear();
        stopTogether(all.stream().filter(p -> !INFRASTRUCTURE.contains(p.name())).toList());
        stopTogether(all.stream().filter(p -> INFRASTRUCTURE.contains(p.name())).toList());
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                out.accept("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    private static void stopTogether(List<ManagedProcess> processes) {
        List<Thread> stops = processes.stream()
                .map(process -> new Thread(() -> process.stop(Duration.ofSeconds(15)), "stop-" + process.name()))
                .toList();
        stops.forEach(Thread::start);
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Starts the processes side by side, then waits for each one's readiness check. */
    private void startAll(List<ServiceSpecs.Spec> specs) throws IOException {
        List<ManagedProcess> processes = new java.util.ArrayList<>();
        for (ServiceSpecs.Spec spec : specs) {
            processes.add(track(ManagedProcess.start(spec.name(), spec.command(layout), spec.env(), layout.root(),
                    layout.logs())));
        }
        for (int i = 0; i < specs.size(); i++) {
            ServiceSpecs.Spec spec = specs.get(i);
            processes.get(i).awaitReady(() -> ManagedProcess.httpOk(spec.readinessUrl()), Duration.ofMinutes(3));
            out.accept(String.format("  %-19s http://127.0.0.1:%d", spec.name(), spec.port()));
        }
    }

    private ManagedProcess track(ManagedProcess process) {
        started.remove(byName.get(process.name()));
        started.push(process);
        byName.put(process.name(), process);
        return process;
    }

    private void deleteData() throws IOException {
        if (Files.exists(layout.data())) {
            try (var paths = Files.walk(layout.data())) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
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
