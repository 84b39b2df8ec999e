package dev.ticketbridge.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.ShareRequested;
import dev.ticketbridge.gateway.support.GatewayApi;
import dev.ticketbridge.gateway.support.Tokens;
import dev.ticketbridge.gateway.support.TracingProfile;
import dev.ticketbridge.testsupport.kafka.KafkaResource;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.postgres.PostgresResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a share's POST and the ShareRequested record the outbox relay sends for it are one trace: the
 * outbox keeps the request's W3C trace context and the relay sends it as the record's {@code traceparent} header.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class TracingTest {

    private static final String ADMIN = Tokens.admin("tenant-tracing");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void sharePostAndItsShareRequestedRecordShareOneTrace() {
        String shareId = GatewayApi.share(ADMIN, GatewayApi.shareForm()).then().statusCode(202).extract().path("shareId");

        List<KafkaTestClient.Received> records = KafkaTestClient.readUntil(Topics.SHARE_REQUESTS,
                all -> all.stream().anyMatch(r -> isShare(r, shareId)), Duration.ofSeconds(30));
        String traceparent = records.stream().filter(r -> isShare(r, shareId)).findFirst().orElseThrow()
                .headers().get("traceparent");

        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getName()).contains("/api/v1/shares");
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                }));
    }

    private static boolean isShare(KafkaTestClient.Received record, String shareId) {
        return record.event() instanceof ShareRequested s && s.shareId().toString().equals(shareId);
    }
}
