package dev.ticketbridge.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketbridge.testsupport.connection.ConnectionServiceProcess;
import dev.ticketbridge.testsupport.connection.TenantConnector;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import org.junit.jupiter.api.Test;

/** The packaged jar as other services' tests run it: started as a process, a tenant connected through the emulator. */
class ConnectionServiceProcessIT {

    @Test
    void packagedServiceConnectsATenantThroughTheEmulatorsPages() {
        ServiceNowEmulator emulator = ServiceNowEmulator.shared();
        ConnectionServiceProcess process = ConnectionServiceProcess.shared();

        process.connectTenant("process-tenant", emulator);

        TenantConnector.Answer token = new TenantConnector(process.baseUrl())
                .send("GET", "/internal/v1/tenants/process-tenant/token", null);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.body().path("instanceUrl").asText()).isEqualTo(emulator.baseUrl());
    }
}
