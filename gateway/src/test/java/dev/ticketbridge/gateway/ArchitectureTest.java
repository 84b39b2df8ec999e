package dev.ticketbridge.gateway;

import dev.ticketbridge.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void packagesKeepTheirDirection() {
        ArchitectureRules.check("dev.ticketbridge.gateway");
    }
}
