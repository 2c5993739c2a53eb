package io.tongbao.testing;

/**
 * Where the real middleware lives for tests and the local stack. Defaults are this project's development
 * machines (MariaDB and Redis on 127.0.0.1); every value can be overridden by environment.
 */
public final class LocalMiddleware {

    private LocalMiddleware() {
    }

    public static String dbHost() {
        return env("TONGBAO_DB_HOST", "127.0.0.1");
    }

    public static int dbPort() {
        return Integer.parseInt(env("TONGBAO_DB_PORT", "3306"));
    }

    public static String dbUser() {
        return env("TONGBAO_DB_USERNAME", "root");
    }

    public static String dbPassword() {
        return env("TONGBAO_DB_PASSWORD", "");
    }

    public static String redisHost() {
        return env("TONGBAO_REDIS_HOST", "127.0.0.1");
    }

    public static int redisPort() {
        return Integer.parseInt(env("TONGBAO_REDIS_PORT", "6379"));
    }

    /** Tests use their own Redis database index, so they never flush the local stack's data. */
    public static int redisTestDatabase() {
        return Integer.parseInt(env("TONGBAO_TEST_REDIS_DB", "14"));
    }

    public static String jdbcUrl(String database) {
        return "jdbc:mysql://" + dbHost() + ":" + dbPort() + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
