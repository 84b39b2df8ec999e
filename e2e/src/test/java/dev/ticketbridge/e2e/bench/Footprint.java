package dev.ticketbridge.e2e.bench;

import dev.ticketbridge.deploy.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each process of the stack costs: resident memory ({@code VmRSS} of the process and everything it started, as
 * Keycloak runs under its shell script), CPU time, start-up time as Quarkus logs it, and the heap options it runs
 * with. Linux only ({@code /proc}).
 */
final class Footprint {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

    private Footprint() {
    }

    /** Resident memory in MiB per process, then {@code total}. */
    static Map<String, Double> residentMiB(LocalStack stack) {
        Map<String, Double> memory = new LinkedHashMap<>();
        double total = 0;
        for (String name : stack.processNames()) {
            double mib = tree(stack.process(name)).mapToLong(Footprint::rssKb).sum() / 1024.0;
            memory.put(name, Report.round(mib));
            total += mib;
        }
        memory.put("total", Report.round(total));
        return memory;
    }

    /** CPU seconds each process (with its children) has used since it started. */
    static Map<String, Double> cpuSeconds(LocalStack stack) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String name : stack.processNames()) {
            long nanos = tree(stack.process(name)).map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                    .mapToLong(Duration::toNanos).sum();
            cpu.put(name, Report.round(nanos / 1e9));
        }
        return cpu;
    }

    /** CPU seconds used between two readings of {@link #cpuSeconds}. */
    static Map<String, Double> cpuBetween(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> used.put(name, Report.round(seconds - before.getOrDefault(name, 0.0))));
        return used;
    }

    /** Start-up time each Quarkus process (the services, the emulators, Keycloak) logged for its latest start. */
    static Map<String, Double> startupSeconds(LocalStack stack) {
        Map<String, Double> startup = new LinkedHashMap<>();
        for (String name : stack.processNames()) {
            startup.put(name, lastStartup(stack.log(name)));
        }
        return startup;
    }

    /** The -X options of each process's JVM (heap size, collector), which bound its resident memory. */
    static Map<String, List<String>> jvmOptions(LocalStack stack) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String name : stack.processNames()) {
            options.put(name, tree(stack.process(name)).flatMap(Footprint::commandLine)
                    .filter(argument -> argument.startsWith("-Xm") || argument.startsWith("-XX:+Use"))
                    .toList());
        }
        return options;
    }

    private static Double lastStartup(Path log) {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log));
            Double last = null;
            while (matcher.find()) {
                last = Double.parseDouble(matcher.group(1));
            }
            return last;
        } catch (IOException e) {
            return null;
        }
    }

    /** The whole command line ({@code ProcessHandle.Info} leaves out the arguments of very long ones). */
    private static Stream<String> commandLine(ProcessHandle process) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return Stream.of(raw.split("\0"));
        } catch (IOException | RuntimeException e) {
            return Stream.empty();
        }
    }

    private static Stream<ProcessHandle> tree(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).filter(ProcessHandle::isAlive);
    }

    private static long rssKb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
