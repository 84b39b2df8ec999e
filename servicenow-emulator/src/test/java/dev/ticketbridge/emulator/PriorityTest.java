package dev.ticketbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({"1,1,1", "1,2,2", "2,1,2", "1,3,3", "2,2,3", "3,1,3", "2,3,4", "3,2,4", "3,3,5", ",,5"})
    void priorityFollowsTheImpactUrgencyLookup(String impact, String urgency, String priority) {
        assertThat(Priority.of(impact, urgency)).isEqualTo(priority);
    }
}
