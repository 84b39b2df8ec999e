package dev.ticketbridge.deploy;

import java.nio.file.Path;

/**
 * Where the local stack keeps things: {@code root} is the repository, {@code data} the stack's state
 * (kept between runs unless reset) and {@code logs} one file per process.
 */
public record StackLayout(Path root, Path data, Path logs, String java) {

    static StackLayout under(Path root) {
        return of(root, root.resolve(".run-local"));
    }

    static StackLayout of(Path root, Path data) {
        return new StackLayout(root, data, data.resolve("logs"),
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    Path quarkusApp(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
