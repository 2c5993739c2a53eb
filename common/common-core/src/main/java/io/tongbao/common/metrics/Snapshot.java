package io.tongbao.common.metrics;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last value read from a database query, for gauges that must stay cheap: the query runs only on
 * {@link #refresh()} (on a schedule, never on a scrape), and a failed read (the database is briefly down) keeps the
 * last value instead of failing the scrape. Until the first successful read, {@link #get()} is the given empty value.
 */
public final class Snapshot<T> {

    private static final Logger log = LoggerFactory.getLogger(Snapshot.class);

    private final String name;
    private final Supplier<T> query;
    private volatile T value;
    private volatile boolean failing;

    public Snapshot(String name, Supplier<T> query, T empty) {
        this.name = name;
        this.query = query;
        this.value = empty;
    }

    /** Reads the value once. Returns false when the read failed (the last value is kept). */
    public boolean refresh() {
        try {
            T read = query.get();
            if (read != null) {
                value = read;
            }
            if (failing) {
                log.info("Gauge source {} readable again", name);
                failing = false;
            }
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                // once per failure streak: a database outage must not flood the log every few seconds
                log.warn("Gauge source {} not readable, keeping the last value: {}", name, e.toString());
                failing = true;
            }
            return false;
        }
    }

    public T get() {
        return value;
    }

    public boolean failing() {
        return failing;
    }
}
