package dev.ticketbridge.contracts.events;

import java.time.LocalDate;

/** The task as the administrator edited it in the share form. */
public record TaskDetails(String name, String description, Priority priority, LocalDate dueDate) {

    public TaskDetails {
        Required.text(name, "task.name");
        Required.field(description, "task.description");
        Required.field(priority, "task.priority");
        Required.field(dueDate, "task.dueDate");
    }
}
