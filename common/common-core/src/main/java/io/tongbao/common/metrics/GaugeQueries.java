package io.tongbao.common.metrics;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How database-backed gauge sources query: apart from {@link GaugeRefresher}, which the gateway (without JDBC) loads
 * too.
 */
public final class GaugeQueries {

    static final int QUERY_TIMEOUT_SECONDS = 5;

    private GaugeQueries() {
    }

    /**
     * The template gauge sources should read with: the same data source, but a query that takes longer than a few
     * seconds is cancelled, so that a slow count never holds up the scheduler (which also runs the outbox relay).
     */
    public static JdbcTemplate bounded(JdbcTemplate jdbc) {
        JdbcTemplate bounded = new JdbcTemplate(jdbc.getDataSource());
        bounded.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return bounded;
    }
}
