package dev.ticketbridge.testsupport.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records a category writes while it is open, each with the MDC of the thread that wrote it, so a test can
 * check which context a line carries. Opening it can lower the category's level (restored on close).
 *
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.of("dev.ticketbridge.ticket.service")) {
 *     ...
 *     assertThat(logs.lines()).anySatisfy(line -> assertThat(line.mdc()).containsEntry("shareId", id));
 * }
 * }</pre>
 */
public final class CapturedLogs implements AutoCloseable {

    /** One record: its category, level, formatted message and MDC. */
    public record Line(String category, Level level, String message, Map<String, String> mdc) {
    }

    private final Logger logger;
    private final Level previousLevel;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                lines.add(new Line(ext.getLoggerName(), ext.getLevel(), ext.getFormattedMessage(), ext.getMdcCopy()));
            } else {
                lines.add(new Line(record.getLoggerName(), record.getLevel(), record.getMessage(), Map.of()));
            }
        }

        @Override
        public void flush() {
            // Nothing buffered.
        }

        @Override
        public void close() {
            // Nothing held.
        }
    };

    private CapturedLogs(String category, Level level) {
        this.logger = Logger.getLogger(category);
        this.previousLevel = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(handler);
    }

    /** Records of {@code category} (and below) at the levels it already logs. */
    public static CapturedLogs of(String category) {
        return new CapturedLogs(category, null);
    }

    /** Records of {@code category} (and below) down to {@code level}, e.g. {@code Level.FINE} for debug lines. */
    public static CapturedLogs of(String category, Level level) {
        return new CapturedLogs(category, level);
    }

    /** What was captured so far, in order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
