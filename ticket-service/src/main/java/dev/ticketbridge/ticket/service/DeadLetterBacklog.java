package dev.ticketbridge.ticket.service;

import dev.ticketbridge.ticket.client.DeadLetterTopic;
import dev.ticketbridge.ticket.config.TicketServiceConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The gauge {@code ticketbridge.dlq.size}: records on {@code ticketing.share-requests.dlq}, whoever wrote them (our
 * own dead-lettering and SmallRye's fallback strategy alike). Read from the topic's offsets when scraped, at most once
 * per {@code ticketbridge.ticket.metrics.dlq-size-refresh}; when Kafka does not answer the last size is kept.
 */
@Startup
@ApplicationScoped
public class DeadLetterBacklog {

    private static final Logger LOG = Logger.getLogger(DeadLetterBacklog.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final DeadLetterTopic topic;
    private final Duration refresh;
    private long size;
    private Instant readAt = Instant.EPOCH;

    public DeadLetterBacklog(DeadLetterTopic topic, TicketServiceConfig config, MeterRegistry meters) {
        this.topic = topic;
        this.refresh = config.metrics().dlqSizeRefresh();
        Gauge.builder("ticketbridge.dlq.size", this, DeadLetterBacklog::size)
                .description("Records on the share-request dead-letter topic")
                .register(meters);
    }

    synchronized double size() {
        Instant now = Instant.now();
        if (readAt.plus(refresh).isBefore(now)) {
            readAt = now;
            try {
                size = topic.size(READ_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.debugf("Dead-letter topic size not read: %s", e.getMessage());
            }
        }
        return size;
    }
}
