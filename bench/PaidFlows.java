import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/paid-flows.sh: one JVM, a thread per simulated client and one shared HTTP client
 * (keep-alive connections), so no process is started per request. Run by the script, which passes the addresses,
 * the run folder (for the JVMs' pid files) and the database settings as system properties.
 *
 * <p>Parts of one run:
 * <ol>
 * <li>gateway passthrough: {@code GET /api/coin/wallet} for many users, straight to coin-service (with the identity
 * headers the gateway would set) and through the gateway (JWT, rate limit, routing), closed loop, same concurrency;
 * <li>complete paid flows, closed loop at several concurrencies: each client creates a coin recharge, an Alipay QR
 * payment, lets the sandbox pay it (signed notify through the gateway) and waits until its coins are in the ledger
 * (watched in the database, not by polling the API); the pay → credited latency comes from the services' own
 * timestamps ({@code pay_attempt.updated_at} → {@code coin_ledger.created_at});
 * <li>the same flows open loop at half the peak rate, for the latency under a load the stack can carry;
 * <li>create payment alone: one client creates Alipay QR payments for recharge orders made beforehand; the CPU time
 * each JVM spent is read from {@code /proc/<pid>/stat} around the run and divided by the number of payments;
 * <li>the resident memory of every JVM of the stack.
 * </ol>
 */
public class PaidFlows {

    static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "http");
                thread.setDaemon(true);
                return thread;
            })).build();

    static String gateway = prop("gateway", "http://127.0.0.1:8080");
    static String sandbox = prop("sandbox", "http://127.0.0.1:8090");
    static String coinDirect = prop("coin", "http://127.0.0.1:8083");
    static Path pids = Path.of(prop("pids", ".run/pids"));
    static String jdbc = prop("jdbc", "jdbc:mysql://127.0.0.1:3306/");
    static String suffix = prop("schemaSuffix", "");
    static int seconds = Integer.parseInt(prop("seconds", "15"));
    static int[] concurrencies = java.util.Arrays.stream(prop("concurrencies", "1,4,16").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static long userBase = 5_000_000L + ThreadLocalRandom.current().nextInt(100_000) * 100L;
    static AtomicLong nextUser = new AtomicLong(userBase);

    public static void main(String[] args) throws Exception {
        System.out.printf("Tongbao paid-flows benchmark, gateway %s, %d s per part, concurrencies %s%n", gateway, seconds,
                prop("concurrencies", "1,4,16"));
        List<String> parts = List.of(prop("parts", "passthrough,create-payment,flows").split(","));
        memory("Memory (RSS) before");
        if (parts.contains("passthrough")) {
            passthrough(32);
        }
        if (parts.contains("flows")) {
            double peak = 0;
            for (int c : concurrencies) {
                peak = Math.max(peak, closedLoopFlows(c));
            }
            openLoopFlows(peak / 2);
        }
        // last: its payments stay unpaid, and from two minutes on the compensation job queries them at the provider,
        // which would load whatever part ran after it
        if (parts.contains("create-payment")) {
            createPayments(Integer.parseInt(prop("payments", "200")));
        }
        memory("Memory (RSS) after");
        System.exit(0);
    }

    // ---------------------------------------------------------------- gateway passthrough

    static void passthrough(int clients) throws Exception {
        List<String> users = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            String user = Long.toString(nextUser.getAndIncrement());
            users.add(user);
            tokens.put(user, devToken(user));
        }
        System.out.printf("%nGateway passthrough: GET /api/coin/wallet, %d users, %d clients, closed loop%n", users.size(),
                clients);
        for (String way : List.of("direct", "gateway", "direct", "gateway")) {
            boolean direct = way.equals("direct");
            Result result = closedLoop(clients, Duration.ofSeconds(Math.max(3, seconds / 3)), Duration.ofSeconds(seconds),
                    (client, n) -> {
                        String user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                        HttpRequest.Builder request = direct
                                ? HttpRequest.newBuilder(URI.create(coinDirect + "/api/coin/wallet"))
                                        .header("X-User-Id", user).header("X-User-Roles", "")
                                : HttpRequest.newBuilder(URI.create(gateway + "/api/coin/wallet"))
                                        .header("Authorization", "Bearer " + tokens.get(user));
                        HttpResponse<String> response = send(request.GET());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("wallet answered " + response.statusCode() + ": " + response.body());
                        }
                    });
            System.out.printf("  %-8s %s%n           %s%n", way, result, result.cpuPerOperation("gateway", "coin-service"));
        }
    }

    // ---------------------------------------------------------------- create payment, CPU per request

    static void createPayments(int count) throws Exception {
        String user = Long.toString(nextUser.getAndIncrement());
        String token = devToken(user);
        int warmUp = count / 4;
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < count + warmUp; i++) {
            orders.add(field(post(gateway + "/api/coin/recharges", token, "{\"podId\":\"30001\"}"), "orderNo"));
            if (i % 15 == 14) {
                Thread.sleep(800); // the per-user rate limit (20/s) is not what this part measures
            }
        }
        for (String order : orders.subList(0, warmUp)) {
            createPayment(token, order);
        }
        Map<String, Long> before = cpuTicks();
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (String order : orders.subList(warmUp, orders.size())) {
            long t0 = System.nanoTime();
            createPayment(token, order);
            latencies.add(System.nanoTime() - t0);
            if (latencies.size() % 18 == 0) {
                // stay under the per-user rate limit without counting the pause
                long pause = 1_000_000_000L - (System.nanoTime() - start) % 1_000_000_000L;
                start += pause;
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = cpuTicks();
        System.out.printf("%nCreate payment alone (Alipay QR, through the gateway), 1 client, %d payments after %d warm-up:%n",
                count, warmUp);
        System.out.printf("  %.1f /s while busy, latency %s%n", count / elapsed, percentiles(latencies));
        System.out.println("  CPU per payment (user + system, from /proc):");
        long total = 0;
        for (String part : after.keySet()) {
            long ticks = after.get(part) - before.getOrDefault(part, after.get(part));
            total += ticks;
            System.out.printf("    %-17s %6.1f ms%n", part, ticks * 10.0 / count);
        }
        System.out.printf("    %-17s %6.1f ms%n", "all", total * 10.0 / count);
    }

    static void createPayment(String token, String order) throws IOException, InterruptedException {
        String body = post(gateway + "/api/payment/payments", token,
                "{\"orderNo\":\"" + order + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}");
        field(body, "payNo");
    }

    // ---------------------------------------------------------------- complete paid flows

    record Flow(String user, String token, String rechargeId, String payNo, long startedNanos) {
    }

    static double closedLoopFlows(int clients) throws Exception {
        // four users per client, taken in turn, so that no user comes near the gateway's per-user rate limit
        List<String[]> users = users(clients * 4);
        Watcher watcher = new Watcher();
        List<Flow> done = Collections.synchronizedList(new ArrayList<>());
        Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 3));
        AtomicInteger index = new AtomicInteger();
        Result result = closedLoop(clients, warmUp, Duration.ofSeconds(seconds), (client, n) -> {
            String[] user = users.get(client * 4 + index.getAndIncrement() % 4);
            Flow flow = startFlow(user[0], user[1]);
            watcher.await(flow.rechargeId());
            if (n >= 0) {
                done.add(flow);
            }
        });
        watcher.close();
        List<Long> latencies = payToCredited(done);
        System.out.printf("%nComplete paid flows, closed loop, %d client(s): %.1f flows/s (%d flows in %d s), request "
                + "side %s%n  pay -> credited (services' timestamps): %s%n", clients, result.perSecond(), result.count(),
                seconds, result.latencyText(), percentiles(latencies));
        return result.perSecond();
    }

    static void openLoopFlows(double rate) throws Exception {
        if (rate <= 0) {
            return;
        }
        int needed = (int) Math.ceil(rate * seconds) + 1;
        List<String[]> users = users(Math.min(needed, 200));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Flow> flows = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < needed; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String[] user = users.get(i % users.size());
            pool.execute(() -> {
                try {
                    flows.add(startFlow(user[0], user[1]));
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        Watcher watcher = new Watcher();
        for (Flow flow : flows) {
            watcher.await(flow.rechargeId());
        }
        watcher.close();
        System.out.printf("%nComplete paid flows, open loop at %.1f flows/s (half the peak) for %d s: %d flows, %d failed%n"
                + "  pay -> credited (services' timestamps): %s%n", rate, seconds, flows.size(), failures.get(),
                percentiles(payToCredited(flows)));
    }

    static List<String[]> users(int count) throws IOException, InterruptedException {
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = Long.toString(nextUser.getAndIncrement());
            users.add(new String[] {user, devToken(user)});
        }
        return users;
    }

    static Flow startFlow(String user, String token) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String recharge = post(gateway + "/api/coin/recharges", token, "{\"podId\":\"30001\"}");
        String payment = post(gateway + "/api/payment/payments", token,
                "{\"orderNo\":\"" + field(recharge, "orderNo") + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}");
        String payNo = field(payment, "payNo");
        HttpResponse<String> paid = send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/alipay/trades/" + payNo + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (paid.statusCode() / 100 != 2) {
            throw new IllegalStateException("sandbox pay answered " + paid.statusCode() + ": " + paid.body());
        }
        return new Flow(user, token, field(recharge, "rechargeId"), payNo, start);
    }

    /** Milliseconds from payment SUCCESS recorded to coins in the ledger, from the two services' own rows. */
    static List<Long> payToCredited(List<Flow> flows) throws SQLException {
        List<Long> latencies = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, "root", "");
                PreparedStatement query = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, a.updated_at, l.created_at) "
                        + "FROM tongbao_payment" + suffix + ".pay_attempt a, tongbao_coin" + suffix + ".coin_ledger l "
                        + "WHERE a.pay_no = ? AND a.status = 'SUCCESS' AND l.biz_type = 'COIN_RECHARGE' AND l.biz_id = ?")) {
            for (Flow flow : flows) {
                query.setString(1, flow.payNo());
                query.setString(2, flow.rechargeId());
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        latencies.add(rs.getLong(1) * 1000);
                    }
                }
            }
        }
        return latencies;
    }

    /** Watches the coin ledger for the recharges being waited on: one query every 5 ms for all of them. */
    static class Watcher implements AutoCloseable {
        private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watcher() throws SQLException {
            Connection db = DriverManager.getConnection(jdbc, "root", "");
            thread = new Thread(() -> {
                try (db) {
                    while (running.get()) {
                        List<String> ids = new ArrayList<>(waiting.keySet());
                        if (!ids.isEmpty()) {
                            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
                            try (PreparedStatement query = db.prepareStatement("SELECT biz_id FROM tongbao_coin" + suffix
                                    + ".coin_ledger WHERE biz_type = 'COIN_RECHARGE' AND biz_id IN (" + in + ")")) {
                                for (int i = 0; i < ids.size(); i++) {
                                    query.setString(i + 1, ids.get(i));
                                }
                                try (ResultSet rs = query.executeQuery()) {
                                    while (rs.next()) {
                                        CountDownLatch latch = waiting.remove(rs.getString(1));
                                        if (latch != null) {
                                            latch.countDown();
                                        }
                                    }
                                }
                            }
                        }
                        Thread.sleep(5);
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "ledger-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        void await(String rechargeId) throws InterruptedException {
            CountDownLatch latch = waiting.computeIfAbsent(rechargeId, id -> new CountDownLatch(1));
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("recharge " + rechargeId + " not credited within 60 s");
            }
        }

        @Override
        public void close() {
            running.set(false);
        }
    }

    // ---------------------------------------------------------------- closed loop driver

    interface Step {
        /** One operation; n is its index in the measured window, or -1 during the warm-up. */
        void run(int client, int n) throws Exception;
    }

    record Result(int count, int errors, double perSecond, List<Long> latencies, String firstError,
            Map<String, Long> cpuTicks) {
        /** CPU milliseconds per operation that a JVM of the stack spent during the measured window. */
        String cpuPerOperation(String... parts) {
            StringBuilder text = new StringBuilder("CPU per request:");
            for (String part : parts) {
                text.append(String.format(" %s %.2f ms", part, cpuTicks.getOrDefault(part, 0L) * 10.0 / Math.max(1, count)));
            }
            return text.toString();
        }

        String latencyText() {
            return percentiles(latencies);
        }

        @Override
        public String toString() {
            return String.format("%7.0f /s, %s%s", perSecond, percentiles(latencies),
                    errors == 0 ? "" : ", " + errors + " errors (first: " + firstError + ")");
        }
    }

    static Result closedLoop(int clients, Duration warmUp, Duration measured, Step step) throws InterruptedException {
        long warmUntil = System.nanoTime() + warmUp.toNanos();
        long endAt = warmUntil + measured.toNanos();
        AtomicInteger count = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        String[] firstError = new String[1];
        List<Thread> threads = new ArrayList<>();
        Map<String, Long> cpu = new ConcurrentHashMap<>();
        Thread cpuWatch = new Thread(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(warmUntil - System.nanoTime());
                Map<String, Long> before = cpuTicks();
                TimeUnit.NANOSECONDS.sleep(endAt - System.nanoTime());
                cpuTicks().forEach((part, ticks) -> cpu.put(part, ticks - before.getOrDefault(part, ticks)));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        cpuWatch.start();
        threads.add(cpuWatch);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= endAt) {
                        return;
                    }
                    boolean measuring = t0 >= warmUntil;
                    try {
                        step.run(client, measuring ? count.get() : -1);
                        long t1 = System.nanoTime();
                        if (measuring && t1 <= endAt) {
                            count.incrementAndGet();
                            latencies.add(t1 - t0);
                        }
                    } catch (Exception e) {
                        if (measuring) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = e.toString();
                            }
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(count.get(), errors.get(), count.get() / (measured.toNanos() / 1e9), latencies, firstError[0],
                cpu);
    }

    // ---------------------------------------------------------------- HTTP, JSON, /proc

    static String devToken(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + user + "\",\"roles\":[]}")));
        return field(response.body(), "token");
    }

    static String post(String url, String token, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("no \"" + name + "\" in " + json);
    }

    /** utime + stime of every JVM with a pid file, in clock ticks (USER_HZ, 100 on Linux). */
    static Map<String, Long> cpuTicks() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> part : parts().entrySet()) {
            Path stat = Path.of("/proc", part.getValue().toString(), "stat");
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                ticks.put(part.getKey(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return ticks;
    }

    static void memory(String title) throws IOException {
        System.out.printf("%n%s:%n", title);
        long total = 0;
        for (Map.Entry<String, Long> part : parts().entrySet()) {
            Path status = Path.of("/proc", part.getValue().toString(), "status");
            if (!Files.exists(status)) {
                continue;
            }
            long kb = Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
            total += kb;
            System.out.printf("  %-17s %5d MB%n", part.getKey(), kb / 1024);
        }
        System.out.printf("  %-17s %5d MB%n", "all", total / 1024);
    }

    static Map<String, Long> parts() throws IOException {
        Map<String, Long> parts = new java.util.TreeMap<>();
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".pid")) {
                        parts.put(name.substring(0, name.length() - 4), Long.parseLong(Files.readString(file).trim()));
                    }
                }
            }
        }
        return parts;
    }

    static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %s, p95 %s, p99 %s, max %s (n=%d)", ms(sorted, 50), ms(sorted, 95), ms(sorted, 99),
                ms(sorted, 100), sorted.size());
    }

    static String ms(List<Long> sorted, int percentile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return String.format("%.1f ms", sorted.get(Math.max(0, index)) / 1e6);
    }

    static String prop(String name, String fallback) {
        return System.getProperty("bench." + name, fallback);
    }
}
