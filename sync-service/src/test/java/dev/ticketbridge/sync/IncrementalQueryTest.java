package dev.ticketbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalQueryTest {

    @Test
    void firstPageRereadsTheWatermarkSecondInUpdateThenSysIdOrder() {
        String query = IncrementalQuery.firstPage(new Watermark("2026-11-26 10:00:05", "abc"));

        assertThat(query).isEqualTo("correlation_display=Ticketbridge^sys_updated_on>=2026-11-26 10:00:05"
                + "^ORDERBYsys_updated_on^ORDERBYsys_id");
    }

    @Test
    void nextPageContinuesStrictlyAfterTheLastKeyRead() {
        String query = IncrementalQuery.after(new Watermark("2026-11-26 10:00:05", "abc"));

        assertThat(query).isEqualTo("correlation_display=Ticketbridge^sys_updated_on>2026-11-26 10:00:05"
                + "^NQcorrelation_display=Ticketbridge^sys_updated_on=2026-11-26 10:00:05^sys_id>abc"
                + "^ORDERBYsys_updated_on^ORDERBYsys_id");
    }

    @Test
    void batchOfKnownRecordsIsOneSysIdInQuery() {
        assertThat(IncrementalQuery.records(List.of("a", "b")))
                .isEqualTo("correlation_display=Ticketbridge^sys_idINa,b^ORDERBYsys_id");
    }

    @Test
    void watermarksOrderByTimeThenSysId() {
        Watermark early = new Watermark("2026-11-26 10:00:05", "b");
        Watermark sameSecondLater = new Watermark("2026-11-26 10:00:05", "c");
        Watermark nextSecond = new Watermark("2026-11-26 10:00:06", "a");

        assertThat(early.max(sameSecondLater)).isEqualTo(sameSecondLater);
        assertThat(nextSecond.max(sameSecondLater)).isEqualTo(nextSecond);
    }
}
