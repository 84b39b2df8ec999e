package dev.ticketbridge.deploychecks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The topics of contracts/src/main/resources/asyncapi.yaml with their Kafka bindings. */
final class AsyncApiTopics {

    record Topic(String name, int partitions, int replicas, Map<String, String> config) {
    }

    private AsyncApiTopics() {
    }

    @SuppressWarnings("unchecked")
    static List<Topic> read() {
        Map<String, Object> document = Repo.yaml(Repo.path("contracts/src/main/resources/asyncapi.yaml"));
        List<Topic> topics = new ArrayList<>();
        for (Object raw : ((Map<String, Object>) document.get("channels")).values()) {
            Map<String, Object> channel = (Map<String, Object>) raw;
            Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("kafka");
            Map<String, String> config = new LinkedHashMap<>();
            ((Map<String, Object>) kafka.getOrDefault("topicConfiguration", Map.of())).forEach((key, value) ->
                    config.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value)));
            topics.add(new Topic((String) channel.get("address"), (Integer) kafka.get("partitions"),
                    (Integer) kafka.get("replicas"), config));
        }
        return topics;
    }
}
