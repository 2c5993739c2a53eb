package io.tongbao.localstack.audit;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services' schemas on one MariaDB/MySQL server, read-only: {@code jdbc:mysql://host:port} plus user,
 * password and each service's schema name.
 */
public record Databases(String serverUrl, String user, String password, Map<String, String> schemas) {

    public static final List<String> SERVICES = List.of("order", "payment", "coin", "learning");

    /** The schemas {@code tongbao_<service><suffix>} (deploy/local/up.sh names them so). */
    public static Databases of(String host, int port, String user, String password, String suffix) {
        Map<String, String> schemas = new LinkedHashMap<>();
        SERVICES.forEach(service -> schemas.put(service, "tongbao_" + service + suffix));
        return new Databases("jdbc:mysql://" + host + ":" + port, user, password, schemas);
    }

    /** The rows of a query on one service's schema, each column by its label; numbers as long. */
    public List<Map<String, Object>> rows(String service, String sql, Object... args) {
        String url = serverUrl + "/" + schemas.get(service)
                + "?useUnicode=true&characterEncoding=utf8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object value = rs.getObject(c);
                        row.put(meta.getColumnLabel(c), value instanceof Number n && !(value instanceof BigDecimal b
                                && b.scale() > 0) ? (Object) n.longValue() : value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + schemas.get(service) + ": " + e.getMessage(), e);
        }
    }
}
