package dev.ticketbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.ZoneId;

/** Tunables of the portal API. */
@ConfigMapping(prefix = "ticketbridge.api")
public interface ApiConfig {

    /** Items per page when the client does not say. */
    @WithName("default-page-size")
    @WithDefault("50")
    int defaultPageSize();

    /** Most items one page may hold. */
    @WithName("max-page-size")
    @WithDefault("200")
    int maxPageSize();

    /** The time zone whose calendar decides when a due date has passed. */
    @WithName("due-date-zone")
    @WithDefault("UTC")
    ZoneId dueDateZone();
}
