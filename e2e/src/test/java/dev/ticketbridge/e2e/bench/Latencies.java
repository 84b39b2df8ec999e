package dev.ticketbridge.e2e.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in milliseconds, summarised as count, p50, p99 and max (nearest-rank percentiles). */
final class Latencies {

    private final double[] sorted;

    Latencies(Collection<Double> millis) {
        this.sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count());
        map.put("p50Ms", Report.round(percentile(0.50)));
        map.put("p99Ms", Report.round(percentile(0.99)));
        map.put("maxMs", Report.round(max()));
        return map;
    }

    @Override
    public String toString() {
        return String.format("p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms", percentile(0.50), percentile(0.99), max());
    }
}
