package dev.ticketbridge.gateway.service;

import dev.ticketbridge.contracts.events.ChangeType;
import dev.ticketbridge.contracts.events.Priority;
import dev.ticketbridge.contracts.events.RecommendationCategory;
import dev.ticketbridge.contracts.events.RecommendationSource;
import dev.ticketbridge.contracts.events.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The share form as the administrator sends it. Its texts hold no control characters (the description may hold line
 * breaks and tabs).
 */
@Schema(name = "ShareForm", description = "An improvement action to turn into a ServiceNow ticket.")
public record ShareForm(
        @Schema(required = true, description = "CHANGE_REQUEST or INCIDENT")
        @NotNull(message = "is required") TicketType ticketType,
        @Schema(description = "Change model, for change requests only; NORMAL when left out")
        ChangeType changeType,
        @Schema(required = true, description = "Id of an improvement action of the catalog")
        @NotBlank(message = "is required") @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String actionId,
        @Schema(required = true, maxLength = 160)
        @NotBlank(message = "is required") @Size(max = 160, message = "must be at most 160 characters")
        @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String taskName,
        @Schema(required = true, maxLength = 4000)
        @NotNull(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters")
        @Pattern(regexp = NO_CONTROL_BUT_LINES, message = NO_CONTROL_MESSAGE) String description,
        @Schema(required = true)
        @NotNull(message = "is required") Priority priority,
        @Schema(required = true, description = "Today or later, at most 10 years ahead")
        @NotNull(message = "is required") LocalDate dueDate,
        @Schema(required = true, description = "MICROSOFT or USER")
        @NotNull(message = "is required") RecommendationSource recommendationSource,
        @Schema(required = true)
        @NotNull(message = "is required") RecommendationCategory category) {

    static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    static final String NO_CONTROL_BUT_LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";
}
