package dev.ticketbridge.e2e.bench;

import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.E2eStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gets the end-to-end stack and, when this call is the one that starts it, the ready time the launcher reports
 * ("Ticketbridge is ready in N s", printed through the test's standard output) and the wall time of the start.
 */
final class StackStart {

    private static final Pattern READY = Pattern.compile("Ticketbridge is ready in (\\d+) s");

    /** {@code readySeconds} is null when the stack was already running before the benchmark asked for it. */
    record Started(LocalStack stack, Integer readySeconds, double wallSeconds) {
    }

    private StackStart() {
    }

    static Started get() {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8));
        long begin = System.nanoTime();
        LocalStack stack;
        try {
            stack = E2eStack.get();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        Matcher ready = READY.matcher(copy.toString(StandardCharsets.UTF_8));
        return ready.find() ? new Started(stack, Integer.parseInt(ready.group(1)), wall) : new Started(stack, null, wall);
    }

    /** Writes to the real standard output and keeps a copy. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
