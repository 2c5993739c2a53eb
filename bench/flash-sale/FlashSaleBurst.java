import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash-sale burst, one JVM, asynchronous HTTP: signs in every user with a dev token, then sends all the buy
 * requests of every user to the gateway at once (at most CONCURRENCY in flight), records each answer and its
 * latency, and then polls the accepted tickets until each has its order. Prints the figures and the ticket ids;
 * exits 1 when any answer is neither 202, 409 (SOLD_OUT, LIMIT_REACHED) nor 429 (RATE_LIMITED), or when a ticket
 * has no order in time.
 *
 *   java FlashSaleBurst.java GATEWAY_URL SALE_ID USERS REQUESTS CONCURRENCY FIRST_USER_ID
 */
public class FlashSaleBurst {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TICKET = Pattern.compile("\"ticketId\"\\s*:\\s*\"([0-9]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    record Answer(int user, int status, String code, String ticketId, long startNanos, long endNanos) {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String saleId = args[1];
        int users = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        long firstUser = Long.parseLong(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();

        String[] tokens = new String[users];
        Semaphore signIns = new Semaphore(32);
        List<CompletableFuture<Void>> signing = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            signIns.acquire();
            signing.add(http.sendAsync(post(gateway + "/api/auth/dev-token", null,
                    "{\"userId\":\"" + (firstUser + u) + "\",\"roles\":[]}"), HttpResponse.BodyHandlers.ofString())
                    .thenAccept(r -> tokens[user] = find(TOKEN, r.body()))
                    .whenComplete((r, e) -> signIns.release()));
        }
        CompletableFuture.allOf(signing.toArray(CompletableFuture[]::new)).join();

        // every user's buys, in a random order that is the same for every run
        List<Integer> order = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            order.add(i % users);
        }
        Collections.shuffle(order, new Random(14));

        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Answer>> sent = new ArrayList<>(requests);
        URI buy = URI.create(gateway + "/api/order/flash-sales/" + saleId + "/buy");
        long burstStartMillis = System.currentTimeMillis();
        long burstStart = System.nanoTime();
        for (int user : order) {
            inFlight.acquire();
            long start = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(buy).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens[user]).POST(HttpRequest.BodyPublishers.noBody()).build();
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        inFlight.release();
                        long end = System.nanoTime();
                        if (e != null) {
                            return new Answer(user, -1, e.getClass().getSimpleName(), null, start, end);
                        }
                        return new Answer(user, r.statusCode(), find(CODE, r.body()), find(TICKET, r.body()), start, end);
                    }));
        }
        List<Answer> answers = sent.stream().map(CompletableFuture::join).toList();
        long burstEnd = answers.stream().mapToLong(Answer::endNanos).max().orElse(burstStart);

        Map<String, Integer> outcomes = new TreeMap<>();
        List<Answer> accepted = new ArrayList<>();
        int unexpected = 0;
        for (Answer a : answers) {
            String outcome = a.status() + (a.code() == null ? "" : " " + a.code());
            outcomes.merge(outcome, 1, Integer::sum);
            if (a.status() == 202 && a.ticketId() != null) {
                accepted.add(a);
            } else if (!(a.status() == 409 && ("SOLD_OUT".equals(a.code()) || "LIMIT_REACHED".equals(a.code())))
                    && !(a.status() == 429 && "RATE_LIMITED".equals(a.code()))) {
                unexpected++;
            }
        }
        long[] latencies = answers.stream().mapToLong(a -> a.endNanos() - a.startNanos()).sorted().toArray();
        long lastAccepted = accepted.stream().mapToLong(Answer::endNanos).max().orElse(burstStart);

        // every accepted ticket, polled by its own buyer until it has its order
        Map<String, String> orders = new ConcurrentHashMap<>();
        long pollDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (orders.size() < accepted.size() && System.nanoTime() < pollDeadline) {
            List<CompletableFuture<Void>> polls = new ArrayList<>();
            for (Answer a : accepted) {
                if (orders.containsKey(a.ticketId())) {
                    continue;
                }
                polls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/order/flash-sales/tickets/"
                                + a.ticketId())).header("Authorization", "Bearer " + tokens[a.user()]).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                            String status = find(STATUS, r.body());
                            if ("ORDERED".equals(status) || "FAILED".equals(status)) {
                                orders.put(a.ticketId(), status);
                            }
                        }));
            }
            CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
            if (orders.size() < accepted.size()) {
                Thread.sleep(50);
            }
        }
        long allOrdered = System.nanoTime();
        long ordered = orders.values().stream().filter("ORDERED"::equals).count();

        System.out.printf("burst began at %d (epoch ms)%n", burstStartMillis);
        System.out.printf("requests: %d from %d users, at most %d in flight, in %d ms%n", answers.size(), users,
                concurrency, ms(burstEnd - burstStart));
        outcomes.forEach((outcome, n) -> System.out.printf("  %6d  %s%n", n, outcome));
        System.out.printf("accepted: %d, the last %d ms after the burst began: %.0f accepted buys per second%n",
                accepted.size(), ms(lastAccepted - burstStart),
                accepted.size() * 1000.0 / Math.max(1, ms(lastAccepted - burstStart)));
        System.out.printf("buy latency (ms): p50 %d, p95 %d, p99 %d, max %d%n", ms(pct(latencies, 50)),
                ms(pct(latencies, 95)), ms(pct(latencies, 99)), ms(latencies[latencies.length - 1]));
        System.out.printf("tickets: %d of %d ORDERED when polled after the burst (%d ms after it began)%n", ordered,
                accepted.size(), ms(allOrdered - burstStart));
        for (Answer a : accepted) {
            System.out.println("ticket " + a.ticketId());
        }
        if (unexpected > 0 || ordered != accepted.size()) {
            System.out.printf("FAILED: %d unexpected answers, %d tickets without an order%n", unexpected,
                    accepted.size() - ordered);
            System.exit(1);
        }
        System.exit(0);
    }

    private static HttpRequest post(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : null;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
