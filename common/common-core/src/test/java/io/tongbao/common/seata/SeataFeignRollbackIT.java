package io.tongbao.common.seata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.testing.LocalMiddleware;
import io.tongbao.testing.TestDatabases;
import io.tongbao.testing.seata.SeataCoordinator;

/**
 * A Seata AT global transaction in one application that writes locally, calls a second application over Feign
 * (which writes to its own database) and then throws, is rolled back in both databases. It only works when the
 * XID travels with the Feign call, which is what common's interceptor provides.
 */
class SeataFeignRollbackIT {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());
    private static String callerDb;
    private static String participantDb;
    private static ConfigurableApplicationContext participant;
    private static ConfigurableApplicationContext caller;

    @BeforeAll
    static void startBothApplications() throws SQLException {
        callerDb = TestDatabases.create("seata_caller");
        participantDb = TestDatabases.create("seata_participant");
        execute(callerDb, "CREATE TABLE caller_entry (id BIGINT PRIMARY KEY, note VARCHAR(64) NOT NULL)");
        execute(participantDb, "CREATE TABLE participant_entry (id BIGINT PRIMARY KEY, xid VARCHAR(128))");
        String coordinator = SeataCoordinator.shared().address();
        participant = new SpringApplicationBuilder(ParticipantApp.class)
                .properties(properties("it-participant", participantDb, coordinator)).run();
        int participantPort = participant.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        Map<String, Object> callerProperties = properties("it-caller", callerDb, coordinator);
        callerProperties.put("spring.cloud.discovery.client.simple.instances.it-participant[0].uri",
                "http://127.0.0.1:" + participantPort);
        caller = new SpringApplicationBuilder(CallerApp.class).properties(callerProperties).run();
    }

    @AfterAll
    static void stop() {
        if (caller != null) {
            caller.close();
        }
        if (participant != null) {
            participant.close();
        }
    }

    @Test
    void rollsBackBothDatabasesWhenTheCallerThrowsAfterTheRemoteCall() throws Exception {
        long id = IDS.incrementAndGet();
        assertThatThrownBy(() -> caller.getBean(CallerService.class).writeLocallyAndRemotely(id, true))
                .hasMessageContaining("after the remote call");
        assertThat(ParticipantController.lastXid).as("the remote branch ran in a global transaction").isNotBlank();
        assertThat(awaitCount(callerDb, "caller_entry", id, 0)).as("caller row").isZero();
        assertThat(awaitCount(participantDb, "participant_entry", id, 0)).as("participant row").isZero();
    }

    @Test
    void commitsBothDatabasesUnderOneXidWhenTheCallerSucceeds() throws Exception {
        long id = IDS.incrementAndGet();
        CallerService.Result result = caller.getBean(CallerService.class).writeLocallyAndRemotely(id, false);
        assertThat(result.remoteXid()).isEqualTo(result.localXid()).isNotBlank();
        assertThat(awaitCount(callerDb, "caller_entry", id, 1)).isEqualTo(1);
        assertThat(awaitCount(participantDb, "participant_entry", id, 1)).isEqualTo(1);
    }

    private static Map<String, Object> properties(String name, String database, String coordinator) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.application.name", name);
        p.put("server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.datasource.url", LocalMiddleware.jdbcUrl(database));
        p.put("spring.datasource.username", LocalMiddleware.dbUser());
        p.put("spring.datasource.password", LocalMiddleware.dbPassword());
        p.put("spring.data.redis.host", LocalMiddleware.redisHost());
        p.put("spring.data.redis.port", LocalMiddleware.redisPort());
        p.put("spring.data.redis.database", LocalMiddleware.redisTestDatabase());
        p.put("seata.application-id", name);
        p.put("seata.tx-service-group", "tongbao-tx");
        p.put("seata.service.vgroup-mapping.tongbao-tx", "default");
        p.put("seata.service.grouplist.default", coordinator);
        p.put("seata.registry.type", "file");
        p.put("seata.config.type", "file");
        return p;
    }

    /** Polls until the row count is the expected one (a rollback completes asynchronously) or 10 s pass. */
    private static int awaitCount(String database, String table, long id, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int count;
        do {
            try (Connection c = TestDatabases.connect(database); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE id = " + id)) {
                rs.next();
                count = rs.getInt(1);
            }
            if (count == expected) {
                return count;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return count;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestDatabases.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ParticipantController.class)
    public static class ParticipantApp {
    }

    @RestController
    public static class ParticipantController {
        static volatile String lastXid;
        private final JdbcTemplate jdbc;

        public ParticipantController(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/entries/{id}")
        public String add(@PathVariable("id") long id) {
            lastXid = RootContext.getXID();
            jdbc.update("INSERT INTO participant_entry (id, xid) VALUES (?, ?)", id, lastXid);
            return lastXid == null ? "" : lastXid;
        }
    }

    @FeignClient(name = "it-participant", contextId = "itParticipant")
    public interface ParticipantClient {
        @PostMapping("/entries/{id}")
        String add(@PathVariable("id") long id);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableFeignClients(clients = ParticipantClient.class)
    @Import(CallerService.class)
    public static class CallerApp {
    }

    public static class CallerService {
        record Result(String localXid, String remoteXid) {
        }

        private final JdbcTemplate jdbc;
        private final ParticipantClient participant;

        public CallerService(JdbcTemplate jdbc, ParticipantClient participant) {
            this.jdbc = jdbc;
            this.participant = participant;
        }

        @GlobalTransactional(name = "it-caller", timeoutMills = 30_000)
        public Result writeLocallyAndRemotely(long id, boolean failAfterwards) {
            jdbc.update("INSERT INTO caller_entry (id, note) VALUES (?, ?)", id, "local");
            String remoteXid = participant.add(id);
            if (failAfterwards) {
                throw new IllegalStateException("the caller fails after the remote call");
            }
            return new Result(RootContext.getXID(), remoteXid);
        }
    }
}
