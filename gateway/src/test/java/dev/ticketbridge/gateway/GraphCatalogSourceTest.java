package dev.ticketbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.LocalGraphResource;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GraphCatalogSourceTest.GraphSource.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class GraphCatalogSourceTest {

    /** The catalog read from a local stand-in for Microsoft Graph. */
    public static class GraphSource implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalGraphResource.class));
        }
    }

    @Test
    void catalogFollowsNextLinkThroughEveryPageWithAnAppOnlyTokenAndIsCached() {
        String reader = Tokens.reader("tenant-graph");
        GatewayApi.as(reader).queryParam("size", 1).get("/api/v1/improvement-actions").then().statusCode(200)
                .body("total", equalTo(205));
        GatewayApi.as(reader).get("/api/v1/improvement-actions/tbsample_infra_vm_management_ports").then()
                .statusCode(200).body("category", equalTo("Infrastructure"));

        assertThat(LocalGraphResource.PAGE_REQUESTS.get()).isEqualTo(2);
        assertThat(LocalGraphResource.TOKEN_REQUESTS.get()).isEqualTo(1);
    }
}
