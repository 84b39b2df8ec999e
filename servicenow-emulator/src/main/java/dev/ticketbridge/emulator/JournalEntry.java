package dev.ticketbridge.emulator;

/** One append to a journal field such as {@code comments} or {@code work_notes}. */
public record JournalEntry(String createdOn, String userName, String text) {
}
