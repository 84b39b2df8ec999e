package dev.ticketbridge.emulator.store;

import dev.ticketbridge.emulator.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The rows of one table in insertion order, indexed by sys_id; guarded by a read-write lock. */
final class TableData {

    private final Map<String, Record> rows = new LinkedHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    Optional<Record> get(String sysId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(rows.get(sysId));
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Record> select(Predicate<Record> filter) {
        lock.readLock().lock();
        try {
            List<Record> selected = new ArrayList<>();
            for (Record record : rows.values()) {
                if (filter.test(record)) {
                    selected.add(record);
                }
            }
            return selected;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Inserts unless the sys_id is taken; returns whether it was inserted. */
    boolean insert(Record record) {
        lock.writeLock().lock();
        try {
            return rows.putIfAbsent(record.sysId(), record) == null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies an update atomically with respect to other writers; the updater may throw to refuse the change. */
    Optional<Record> update(String sysId, UnaryOperator<Record> updater) {
        lock.writeLock().lock();
        try {
            Record current = rows.get(sysId);
            if (current == null) {
                return Optional.empty();
            }
            Record updated = updater.apply(current);
            rows.put(sysId, updated);
            return Optional.of(updated);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean delete(String sysId) {
        lock.writeLock().lock();
        try {
            return rows.remove(sysId) != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return rows.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
