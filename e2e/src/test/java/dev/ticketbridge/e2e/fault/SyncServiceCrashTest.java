package dev.ticketbridge.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticketbridge.contracts.Topics;
import dev.ticketbridge.contracts.events.TicketUpdated;
import dev.ticketbridge.deploy.LocalStack;
import dev.ticketbridge.e2e.Gateway;
import dev.ticketbridge.e2e.Identity;
import dev.ticketbridge.e2e.Journeys;
import dev.ticketbridge.testsupport.kafka.KafkaTestClient;
import dev.ticketbridge.testsupport.servicenow.ServiceNowEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * sync-service is killed (SIGKILL) while ServiceNow agents keep working: every tracked record changes state while it
 * is down, some twice. Once restarted it resumes from its committed watermark: each record's latest change must
 * appear as a TicketUpdated on ticketing.ticket-events and in the read model. Polling sees a record as it is now,
 * so two changes to one record while nobody watched arrive as one event carrying the latest state and
 * sys_mod_count. Delivery is at least once: the same event (same event id) may be published again after a crash,
 * but one change is never published as two events with different ids.
 */
class SyncServiceCrashTest {

    private static final int SHARES = 8;

    /** A change made by an agent while sync-service was down: the record's state and sys_mod_count after it. */
    private record Change(String shareId, String table, String sysId, String state, long sysModCount) {
    }

    @AfterEach
    void syncServiceRunsAgain() {
        if (!FaultStack.alive("sync-service")) {
            FaultStack.restart("sync-service");
        }
    }

    @Test
    void changesMadeWhileSyncServiceIsDownArriveOnceItIsBack() throws Exception {
        LocalStack stack = FaultStack.get();
        Gateway admin = Gateway.as(Identity.ADMIN);
        Journeys.ensureConnected(admin, stack.emulatorUrl());
        ServiceNowEmulator instance = FaultStack.firstInstance();
        Ledger ledger = new Ledger(admin, instance);
        Burst burst = Burst.start(admin, ledger, SHARES, 4, "Sync crash " + UUID.randomUUID());
        burst.awaitSent(Duration.ofMinutes(1));
        ledger.verify(Duration.ofMinutes(2));
        awaitSyncServiceRead(Topics.TICKET_EVENTS);

        stack.kill("sync-service");
        Map<String, Change> changes = new HashMap<>();
        int twice = 0;
        for (Map.Entry<String, List<String>> record : ledger.recordsInServiceNow().entrySet()) {
            String shareId = record.getKey();
            String table = record.getValue().get(0).startsWith("INC") ? "incident" : "change_request";
            String sysId = String.valueOf(instance.records(table, "correlation_id=" + shareId).get(0).get("sys_id"));
            List<String> steps = table.equals("incident") ? List.of("2", "3") : List.of("-4", "-3");
            if (changes.size() % 3 == 0) {
                twice++;
            } else {
                steps = steps.subList(0, 1);
            }
            Map<String, Object> now = Map.of();
            for (String state : steps) {
                now = instance.setState(table, sysId, state);
            }
            changes.put(shareId, new Change(shareId, table, sysId, String.valueOf(now.get("state")),
                    Long.parseLong(String.valueOf(now.get("sys_mod_count")))));
        }
        long restartBegin = System.nanoTime();
        Duration restart = FaultStack.restart("sync-service");

        List<TicketUpdated> updates = updatesOf(changes.keySet(), all -> changes.values().stream().allMatch(change ->
                all.stream().anyMatch(e -> e.shareId().toString().equals(change.shareId())
                        && e.state().code().equals(change.state()) && e.sysModCount() == change.sysModCount())));
        double published = FaultStack.seconds(restartBegin);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(ledger.readModel()).allSatisfy(
                (shareId, view) -> assertThat(view.path("state").path("code").asText())
                        .as("state of %s in the read model", shareId).isEqualTo(changes.get(shareId).state())));
        double inReadModel = FaultStack.seconds(restartBegin);

        // One more change after the restart: once it is out, sync-service has polled past everything above again.
        Change marker = changes.values().iterator().next();
        String next = marker.table().equals("incident") ? "6" : "-2";
        Map<String, Object> after = instance.setState(marker.table(), marker.sysId(), next);
        updates = updatesOf(changes.keySet(), all -> all.stream().anyMatch(e -> e.shareId().toString()
                .equals(marker.shareId()) && e.state().code().equals(next)));

        Map<String, Set<UUID>> idsPerChange = updates.stream().collect(Collectors.groupingBy(
                e -> e.shareId() + " sys_mod_count " + e.sysModCount(), Collectors.mapping(TicketUpdated::eventId,
                        Collectors.toSet())));
        assertThat(idsPerChange).as("event ids per change").allSatisfy((change, ids) -> assertThat(ids).hasSize(1));
        long redelivered = updates.size() - idsPerChange.size();
        System.out.printf("[fault] sync-service kill -9: %d records changed while down (%d twice); restart %.1f s;"
                + " all TicketUpdated out %.1f s and in the read model %.1f s after the restart began; %d events for"
                + " %d changes (%d redelivered with the same id), none twice with different ids; sys_mod_count after"
                + " the marker %s%n", changes.size(), twice,
                restart.toMillis() / 1e3, published, inReadModel, updates.size(), idsPerChange.size(), redelivered,
                after.get("sys_mod_count"));
        burst.close();
    }

    /** The TicketUpdated events of these shares on the topic, read from the start until {@code enough} holds. */
    private static List<TicketUpdated> updatesOf(Set<String> shareIds,
            java.util.function.Predicate<List<TicketUpdated>> enough) {
        java.util.function.Function<List<KafkaTestClient.Received>, List<TicketUpdated>> mine = read -> read.stream()
                .map(SyncServiceCrashTest::decode).filter(e -> e instanceof TicketUpdated).map(TicketUpdated.class::cast)
                .filter(e -> shareIds.contains(e.shareId().toString())).toList();
        return mine.apply(KafkaTestClient.readUntil(Topics.TICKET_EVENTS, read -> enough.test(mine.apply(read)),
                Duration.ofMinutes(2)));
    }

    private static Object decode(KafkaTestClient.Received record) {
        try {
            return record.event();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Waits until sync-service's consumer group has committed everything published on the topic so far. */
    private static void awaitSyncServiceRead(String topic) throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrapServers());
        try (Admin kafka = Admin.create(props)) {
            Set<TopicPartition> partitions = kafka.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = new HashMap<>();
            kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await("sync-service read " + topic).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets("sync-service")
                                .partitionsToOffsetAndMetadata().get();
                        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                                || committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue());
                    });
        }
    }
}
