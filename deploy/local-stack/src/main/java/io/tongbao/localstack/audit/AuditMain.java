package io.tongbao.localstack.audit;

import java.io.PrintStream;
import java.util.List;

/**
 * The invariants audit as a command: {@code deploy/local/audit.sh}, against the running suite's databases. It
 * prints one line per invariant (and what breaks it), and exits 1 when any fails, 2 when it cannot read them.
 * Settings come from the environment, as for the services: TONGBAO_DB_HOST, TONGBAO_DB_PORT, TONGBAO_DB_USERNAME,
 * TONGBAO_DB_PASSWORD and TONGBAO_SCHEMA_SUFFIX (e.g. {@code _smoke}).
 */
public final class AuditMain {

    private static final int SHOWN = 20;

    private AuditMain() {
    }

    public static void main(String[] args) {
        Databases db = Databases.of(env("TONGBAO_DB_HOST", "127.0.0.1"),
                Integer.parseInt(env("TONGBAO_DB_PORT", "3306")), env("TONGBAO_DB_USERNAME", "root"),
                env("TONGBAO_DB_PASSWORD", ""), env("TONGBAO_SCHEMA_SUFFIX", ""));
        System.exit(run(db, System.out));
    }

    /** Runs the audit and prints the report; 0 when every invariant holds, 1 when one fails, 2 when unreadable. */
    public static int run(Databases db, PrintStream out) {
        List<InvariantsAudit.Check> checks;
        try {
            checks = new InvariantsAudit(db).run();
        } catch (IllegalStateException e) {
            out.println("AUDIT ERROR " + e.getMessage());
            return 2;
        }
        out.println("Invariants audit of " + db.schemas().values());
        for (InvariantsAudit.Check check : checks) {
            out.println((check.holds() ? "PASS " : "FAIL ") + check.name() + ": " + check.invariant());
            check.violations().stream().limit(SHOWN).forEach(v -> out.println("     " + v));
            if (check.violations().size() > SHOWN) {
                out.println("     … and " + (check.violations().size() - SHOWN) + " more");
            }
        }
        long failed = checks.stream().filter(c -> !c.holds()).count();
        out.println(failed == 0 ? "All " + checks.size() + " invariants hold."
                : failed + " of " + checks.size() + " invariants FAILED.");
        return failed == 0 ? 0 : 1;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
