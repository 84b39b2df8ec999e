package dev.ticketbridge.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process of the stack: started with its log in a file, checked for readiness, stopped gently. */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private final Process process;
    private final long logOffset;

    private ManagedProcess(String name, Path log, Process process, long logOffset) {
        this.name = name;
        this.log = log;
        this.process = process;
        this.logOffset = logOffset;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        long logOffset = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new ManagedProcess(name, log, builder.start(), logOffset);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether this run of the process (not an earlier one appending to the same file) has logged {@code text}. */
    boolean loggedSinceStart(String text) {
        try {
            if (!Files.exists(log)) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(logOffset, bytes.length);
            return new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL of the process and everything it started, without a chance to clean up. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds, failing early if the process dies. */
    void awaitReady(BooleanSupplier ready, Duration deadline) {
        Instant until = Instant.now().plus(deadline);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + deadline.toSeconds() + " s; see " + log);
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
