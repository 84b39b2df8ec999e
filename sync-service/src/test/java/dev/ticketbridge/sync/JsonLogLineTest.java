package dev.ticketbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketbridge.platform.logging.LogContext;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** The production JSON log line (quarkus-logging-json) carries the log context as fields of its {@code mdc} object. */
class JsonLogLineTest {

    @Test
    void logContextKeysAreFieldsOfTheJsonLine() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Polling cycle done", ExtLogRecord.FormatStyle.NO_FORMAT,
                JsonLogLineTest.class.getName());
        record.setLoggerName("dev.ticketbridge.sync.service.PollScheduler");
        try (LogContext log = LogContext.share("tenant-a", "4b0f1c1e-0000-4000-8000-000000000001")) {
            record.copyMdc();
        }

        JsonNode line = new ObjectMapper().readTree(new JsonFormatter().format(record));

        assertThat(line.path("message").asText()).isEqualTo("Polling cycle done");
        assertThat(line.path("mdc").path("tenantId").asText()).isEqualTo("tenant-a");
        assertThat(line.path("mdc").path("shareId").asText()).isEqualTo("4b0f1c1e-0000-4000-8000-000000000001");
    }
}
