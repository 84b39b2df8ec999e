package dev.ticketbridge.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticketbridge.contracts.events.TicketbridgeEvent;
import dev.ticketbridge.contracts.kafka.EventCodec;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes events atomically with the caller's database changes: the event is written to the
 * {@code outbox_event} table inside the caller's transaction and relayed to Kafka after commit by
 * {@link OutboxRelay}. A rolled-back transaction publishes nothing. When tracing is on, the current W3C trace context
 * ({@code traceparent}, {@code tracestate}) is stored with the event's headers, so the Kafka record continues the
 * trace of the request that wrote it; with tracing off there is no current span and nothing is added.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxConfig config;
    private final OutboxWakeup wakeup;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxConfig config,
            OutboxWakeup wakeup) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.config = config;
        this.wakeup = wakeup;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(TicketbridgeEvent event) {
        EventCodec.Encoded encoded = EventCodec.encode(event, config.source());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO outbox_event (event_id, topic, message_key, headers, payload) VALUES (?, ?, ?, ?::jsonb, ?)")) {
            insert.setObject(1, event.eventId());
            insert.setString(2, encoded.topic());
            insert.setString(3, encoded.key());
            insert.setString(4, EventCodec.mapper().writeValueAsString(withTraceContext(encoded.headers())));
            insert.setBytes(5, encoded.payload());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write " + event.getClass().getSimpleName() + " to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(wakeup));
    }

    private static Map<String, String> withTraceContext(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), all, Map::put);
        return all;
    }

    private record WakeRelayAfterCommit(OutboxWakeup wakeup) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // Nothing to do before commit.
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                wakeup.signal();
            }
        }
    }
}
