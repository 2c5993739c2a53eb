package io.tongbao.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates a fresh database on the real local MariaDB for each test class, and drops every database this JVM
 * created when it exits.
 */
public final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    /** A new, empty database whose name starts with {@code tbt_<prefix>_}. */
    public static String create(String prefix) {
        String name = ("tbt_" + prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000))).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        CREATED.add(name);
        return name;
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(LocalMiddleware.jdbcUrl(database), LocalMiddleware.dbUser(),
                LocalMiddleware.dbPassword());
    }

    static void dropAll() {
        for (String name : CREATED) {
            try {
                execute("DROP DATABASE IF EXISTS `" + name + "`");
            } catch (RuntimeException e) {
                // the JVM is exiting; a leftover test database is harmless and named tbt_*
            }
        }
    }

    private static void execute(String sql) {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + LocalMiddleware.dbHost() + ":" + LocalMiddleware.dbPort()
                    + " refused '" + sql + "'. Is it running? (see README: Tests)", e);
        }
    }
}
