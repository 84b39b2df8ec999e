package dev.ticketbridge.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void keysAreSetWhileOpenAndRestoredWhenClosed() {
        UUID share = UUID.randomUUID();
        try (LogContext outer = LogContext.tenant("tenant-a")) {
            try (LogContext inner = LogContext.share("tenant-b", share)) {
                assertThat(MDC.get(LogContext.TENANT_ID)).isEqualTo("tenant-b");
                assertThat(MDC.get(LogContext.SHARE_ID)).isEqualTo(share.toString());
            }
            assertThat(MDC.get(LogContext.TENANT_ID)).isEqualTo("tenant-a");
            assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
            outer.put(LogContext.SHARE_ID, null);
            assertThat(MDC.get(LogContext.SHARE_ID)).isNull();
        }
        assertThat(MDC.get(LogContext.TENANT_ID)).isNull();
    }
}
