package dev.ticketbridge.connection;

import dev.ticketbridge.testsupport.connection.TenantConnector;
import io.restassured.RestAssured;
import java.util.UUID;

/** Fresh tenant ids and a connector pointed at the application under test. */
final class Tenants {

    private Tenants() {
    }

    static String fresh(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TenantConnector connector() {
        return new TenantConnector("http://127.0.0.1:" + RestAssured.port);
    }
}
