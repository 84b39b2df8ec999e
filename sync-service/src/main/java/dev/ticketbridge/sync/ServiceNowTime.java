package dev.ticketbridge.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** ServiceNow's database date-time format: {@code YYYY-MM-DD HH:MM:SS} in UTC, second precision. */
public final class ServiceNowTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ServiceNowTime() {
    }

    public static Instant parse(String value) {
        return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
    }

    public static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
