package dev.ticketbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeStateModelTest {

    @Test
    void normalChangesWalkEveryStateInOrder() {
        assertThat(ChangeStateModel.allows("normal", "-5", "-4")).isTrue();
        assertThat(ChangeStateModel.allows("normal", "-5", "-2")).isFalse();
        assertThat(ChangeStateModel.allows("normal", "0", "3")).isTrue();
    }

    @Test
    void standardAndEmergencyChangesSkipApprovalSteps() {
        assertThat(ChangeStateModel.allows("standard", "-5", "-2")).isTrue();
        assertThat(ChangeStateModel.allows("emergency", "-5", "-3")).isTrue();
        assertThat(ChangeStateModel.allows("emergency", "-5", "-4")).isFalse();
    }

    @Test
    void cancelIsAllowedExceptFromReviewOrClosed() {
        assertThat(ChangeStateModel.allows("normal", "-3", "4")).isTrue();
        assertThat(ChangeStateModel.allows("normal", "0", "4")).isFalse();
        assertThat(ChangeStateModel.allows("normal", "3", "4")).isFalse();
    }
}
