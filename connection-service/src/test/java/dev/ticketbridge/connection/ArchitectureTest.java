package dev.ticketbridge.connection;

import dev.ticketbridge.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void packagesKeepTheirDirection() {
        ArchitectureRules.check("dev.ticketbridge.connection");
    }
}
