package dev.ticketbridge.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedQueryTest {

    private static final TableSchema INCIDENT = Tables.require(Tables.INCIDENT);
    private static final List<Record> RECORDS = List.of(
            record(1, "a1", "1", "Printer down", "2024-01-01 10:00:00", ""),
            record(2, "a2", "2", "VPN broken", "2024-01-02 10:00:00", "share-2"),
            record(3, "a3", "6", "Printer jam", "2024-01-03 10:00:00", "share-3"),
            record(4, "a4", "-5", "Mail slow", "2024-01-03 10:00:00", ""));

    private static Record record(long sequence, String id, String state, String text, String updated,
                                 String correlation) {
        return new Record(sequence, Map.of("sys_id", id, "state", state, "short_description", text,
                "sys_updated_on", updated, "correlation_id", correlation), Map.of());
    }

    private static List<String> ids(String query) {
        return ids(query, false);
    }

    private static List<String> ids(String query, boolean strict) {
        EncodedQuery encoded = EncodedQuery.parse(query, INCIDENT, strict);
        return RECORDS.stream().filter(encoded::matches).sorted(encoded.comparator()).map(Record::sysId).toList();
    }

    @Test
    void equalityAndInequalityCompareExactValues() {
        assertThat(ids("state=2")).containsExactly("a2");
        assertThat(ids("state!=2")).containsExactly("a1", "a3", "a4");
    }

    @Test
    void rangeOperatorsCompareNumbersNumerically() {
        assertThat(ids("state>1")).containsExactly("a2", "a3");
        assertThat(ids("state>=1")).containsExactly("a1", "a2", "a3");
        assertThat(ids("state<2")).containsExactly("a1", "a4");
        assertThat(ids("state<=-5")).containsExactly("a4");
    }

    @Test
    void timestampsCompareAsStrings() {
        assertThat(ids("sys_updated_on>2024-01-02 10:00:00")).containsExactly("a3", "a4");
        assertThat(ids("sys_updated_on>=2024-01-02 10:00:00")).containsExactly("a2", "a3", "a4");
    }

    @Test
    void listAndTextOperatorsMatch() {
        assertThat(ids("stateIN1,6")).containsExactly("a1", "a3");
        assertThat(ids("stateNOT IN1,6")).containsExactly("a2", "a4");
        assertThat(ids("short_descriptionLIKEPrinter")).containsExactly("a1", "a3");
        assertThat(ids("short_descriptionSTARTSWITHVPN")).containsExactly("a2");
        assertThat(ids("short_descriptionENDSWITHslow")).containsExactly("a4");
        assertThat(ids("correlation_idISEMPTY")).containsExactly("a1", "a4");
        assertThat(ids("correlation_idISNOTEMPTY")).containsExactly("a2", "a3");
    }

    @Test
    void andOrAndNewQueryCombine() {
        assertThat(ids("short_descriptionLIKEPrinter^state=1")).containsExactly("a1");
        assertThat(ids("state=1^ORstate=2^short_descriptionLIKEVPN")).containsExactly("a2");
        assertThat(ids("state=1^NQstate=-5")).containsExactly("a1", "a4");
    }

    @Test
    void orderByAndOrderByDescSortWithInsertionOrderAsTieBreak() {
        assertThat(ids("ORDERBYDESCsys_updated_on")).containsExactly("a3", "a4", "a2", "a1");
        assertThat(ids("ORDERBYstate")).containsExactly("a4", "a1", "a2", "a3");
        assertThat(ids("ORDERBYsys_updated_on^ORDERBYDESCstate")).containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void unknownFieldsAreIgnoredUnlessStrict() {
        assertThat(ids("no_such_field=1^state=2")).containsExactly("a2");
        assertThat(ids("no_such_field=1^state=2", true)).isEmpty();
    }

    @Test
    void emptyQueryMatchesEverythingInInsertionOrder() {
        assertThat(ids("")).containsExactly("a1", "a2", "a3", "a4");
    }
}
