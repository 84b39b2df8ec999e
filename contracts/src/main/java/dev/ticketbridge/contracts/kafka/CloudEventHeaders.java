package dev.ticketbridge.contracts.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*} headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** Reads every header as UTF-8 text; the last value wins when a header repeats. */
    public static Map<String, String> read(Headers headers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (headers != null) {
            for (Header header : headers) {
                if (header.value() != null) {
                    values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    public static void write(Headers headers, Map<String, String> values) {
        values.forEach((key, value) -> {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }
}
