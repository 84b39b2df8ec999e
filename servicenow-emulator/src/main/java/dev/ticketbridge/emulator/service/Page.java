package dev.ticketbridge.emulator.service;

import dev.ticketbridge.emulator.Record;
import java.util.List;

/** One page of a list query and the total number of matching records. */
public record Page(List<Record> records, int total) {
}
