package io.tongbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tongbao.localstack.audit.Databases;
import io.tongbao.localstack.audit.InvariantsAudit;
import io.tongbao.testing.LocalMiddleware;

/**
 * The invariants of the design, checked on the stack's own databases after every other end-to-end test has run
 * (this class is ordered last) by the invariants audit that ops run (deploy/local/audit.sh): whatever the flows
 * did, the books agree.
 */
@ExtendWith(LocalStack.class)
@Order(Integer.MAX_VALUE)
class InvariantsIT {

    private static final Databases STACK = Databases.of(LocalMiddleware.dbHost(), LocalMiddleware.dbPort(),
            LocalMiddleware.dbUser(), LocalMiddleware.dbPassword(), LocalStack.SCHEMA_SUFFIX);

    @Test
    void everyInvariantHoldsOnceNothingIsInFlight() {
        // refunds, credits and enrolments reach their services asynchronously: wait until nothing is in flight
        StackClient.awaitValue(InvariantsIT::broken, Map.of());
    }

    @Test
    void theAuditCommandThatOpsRunPassesWithExitZero() throws IOException, InterruptedException {
        StackClient.awaitValue(InvariantsIT::broken, Map.of());
        Path root = Path.of("../..").toAbsolutePath().normalize();
        ProcessBuilder audit = new ProcessBuilder("bash", root.resolve("deploy/local/audit.sh").toString())
                .redirectErrorStream(true);
        audit.environment().put("TONGBAO_DB_HOST", LocalMiddleware.dbHost());
        audit.environment().put("TONGBAO_DB_PORT", Integer.toString(LocalMiddleware.dbPort()));
        audit.environment().put("TONGBAO_DB_USERNAME", LocalMiddleware.dbUser());
        audit.environment().put("TONGBAO_DB_PASSWORD", LocalMiddleware.dbPassword());
        audit.environment().put("TONGBAO_SCHEMA_SUFFIX", LocalStack.SCHEMA_SUFFIX);
        Process process = audit.start();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).contains("invariants hold.").doesNotContain("FAIL");
    }

    /** The failing invariants and what breaks them. */
    private static Map<String, List<String>> broken() {
        Map<String, List<String>> broken = new java.util.TreeMap<>();
        new InvariantsAudit(STACK).run().stream().filter(check -> !check.holds())
                .forEach(check -> broken.put(check.name(), check.violations()));
        return broken;
    }
}
