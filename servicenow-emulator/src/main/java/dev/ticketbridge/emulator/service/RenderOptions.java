package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.DisplayMode;
import java.util.List;

/**
 * How records are rendered: the {@code sysparm_fields}, {@code sysparm_display_value} and
 * {@code sysparm_exclude_reference_link} parameters, and the instance URL for reference links.
 *
 * @param fields fields to include; empty for all
 */
public record RenderOptions(List<String> fields, DisplayMode mode, boolean excludeReferenceLink, String baseUrl) {
}
