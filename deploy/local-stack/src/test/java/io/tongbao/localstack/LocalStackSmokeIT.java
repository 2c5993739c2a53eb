package io.tongbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.tongbao.testing.LocalMiddleware;
import redis.clients.jedis.Jedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end smoke test of the whole local stack: starts it with {@code deploy/local/up.sh --no-build} on offset
 * ports (so a developer's own stack on the default ports is never touched), checks the public contract of API.md
 * through the gateway, and stops it with {@code deploy/local/down.sh}.
 */
@ExtendWith(LocalStack.class)
class LocalStackSmokeIT {

    /** The local profile's published secret (API.md). */
    private static final String LOCAL_SECRET = "tongbao-local-secret-0123456789abcdef0123456789abcdef";
    private static final String OTHER_SECRET = "not-the-tongbao-secret-0123456789abcdef0123456789abcdef";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    private static String token1001;

    // ------------------------------------------------------------------ lifecycle (the stack itself: LocalStack)

    @BeforeAll
    static void getADevToken() {
        HttpResponse<String> devToken = send(HttpRequest.newBuilder(gateway("/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"1001\",\"roles\":[]}")));
        assertThat(devToken.statusCode()).as("POST /api/auth/dev-token: %s", devToken.body()).isEqualTo(200);
        token1001 = json(devToken).get("token").asString();
        assertThat(token1001).isNotBlank();
    }

    // ------------------------------------------------------------------ 1. catalogs

    @Test
    void theProductCatalogListsTheSeededProducts() {
        JsonNode products = okJson(get("/api/order/products", bearer(token1001)));
        assertThat(products.isArray()).isTrue();
        assertThat(ids(products, "skuId")).contains("10001", "10002", "10003");
        JsonNode notebook = find(products, "skuId", "10001");
        assertThat(notebook.get("skuId").isString()).as("ids are JSON strings").isTrue();
        assertThat(notebook.get("name").asString()).isEqualTo("Tongbao notebook");
        assertThat(notebook.get("price").isString()).as("money is a JSON string").isTrue();
        assertThat(notebook.get("price").asString()).isEqualTo("12.50");
        assertThat(notebook.get("stock").isIntegralNumber()).isTrue();
        assertThat(notebook.get("stock").asInt()).isEqualTo(100);
    }

    @Test
    void theCourseCatalogListsTheSeededCourses() {
        JsonNode courses = okJson(get("/api/learning/courses", bearer(token1001)));
        assertThat(courses.isArray()).isTrue();
        assertThat(ids(courses, "courseId")).contains("20001", "20002", "20003");
        JsonNode free = find(courses, "courseId", "20001");
        assertThat(free.get("courseId").isString()).as("ids are JSON strings").isTrue();
        assertThat(free.get("name").asString()).isEqualTo("Java basics (free)");
        assertThat(free.get("charge").asString()).isEqualTo("FREE");
        assertThat(free.get("price").isString()).as("money is a JSON string").isTrue();
        assertThat(free.get("price").asString()).isEqualTo("0.00");
    }

    @Test
    void theCoinPodCatalogListsTheSeededPods() {
        JsonNode pods = okJson(get("/api/coin/pods", bearer(token1001)));
        assertThat(pods.isArray()).isTrue();
        assertThat(ids(pods, "podId")).contains("30001", "30002", "30003");
        JsonNode sixty = find(pods, "podId", "30001");
        assertThat(sixty.get("podId").isString()).as("ids are JSON strings").isTrue();
        assertThat(sixty.get("name").asString()).isEqualTo("60 coins");
        assertThat(sixty.get("coin").isIntegralNumber()).as("coins are integers").isTrue();
        assertThat(sixty.get("coin").asInt()).isEqualTo(60);
        assertThat(sixty.get("giftCoin").asInt()).isZero();
        assertThat(sixty.get("price").isString()).as("money is a JSON string").isTrue();
        assertThat(sixty.get("price").asString()).isEqualTo("6.00");
    }

    @Test
    void thePaymentChannelListOffersTheConfiguredAndImplementedChannelsWithTheirModes() {
        JsonNode channels = okJson(get("/api/payment/channels", bearer(token1001)));
        assertThat(channels.isArray()).isTrue();
        // all three are configured in the local stack (the wallet because a Seata coordinator runs)
        assertThat(ids(channels, "channel")).containsExactly("ALIPAY", "WECHAT", "WALLET");
        List<String> alipayModes = new ArrayList<>();
        find(channels, "channel", "ALIPAY").get("modes").values().forEach(m -> alipayModes.add(m.asString()));
        assertThat(alipayModes).containsExactlyInAnyOrder("QR", "PAGE", "WAP");
        List<String> wechatModes = new ArrayList<>();
        find(channels, "channel", "WECHAT").get("modes").values().forEach(m -> wechatModes.add(m.asString()));
        assertThat(wechatModes).containsExactlyInAnyOrder("NATIVE", "JSAPI", "H5");
        assertThat(find(channels, "channel", "WALLET").get("modes").toString()).isEqualTo("[\"BALANCE\"]");
    }

    @ParameterizedTest(name = "GET {0} without a token")
    @ValueSource(strings = {"/api/order/products", "/api/learning/courses", "/api/coin/pods", "/api/payment/channels"})
    void theCatalogsArePublicWithoutAToken(String path) {
        JsonNode catalog = okJson(get(path));
        assertThat(catalog.isArray()).isTrue();
        assertThat(catalog.size()).isGreaterThanOrEqualTo(3);
    }

    // ------------------------------------------------------------------ 2. the caller's wallet

    @Test
    void aUserWithoutAWalletSeesAZeroBalance() {
        JsonNode wallet = okJson(get("/api/coin/wallet", bearer(token1001)));
        assertThat(wallet.get("userId").isString()).as("ids are JSON strings: %s", wallet).isTrue();
        assertThat(wallet.get("userId").asString()).isEqualTo("1001");
        assertThat(wallet.get("balance").isIntegralNumber()).as("coins are integers: %s", wallet).isTrue();
        assertThat(wallet.get("balance").asInt()).isZero();
    }

    // ------------------------------------------------------------------ 3. and 4. authentication

    @Test
    void theWalletWithoutATokenIs401AsAProblem() {
        HttpResponse<String> response = get("/api/coin/wallet");
        assertUnauthenticated(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/coin/wallet");
    }

    @Test
    void aHandBuiltTokenWithTheLocalSecretIsAccepted() {
        // proves that the hand-built tokens of the next test are rejected for the reason each one names
        String token = jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims("1001", Instant.now().plusSeconds(600)), LOCAL_SECRET);
        JsonNode wallet = okJson(get("/api/coin/wallet", bearer(token)));
        assertThat(wallet.get("userId").asString()).isEqualTo("1001");
    }

    // ------------------------------------------------------------------ rate limits, CORS, a second start

    @Test
    void rateLimitsEachUserOnTheirOwn() {
        String hs256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String busy = jwt(hs256, claims("7777", inAnHour), LOCAL_SECRET);
        String calm = jwt(hs256, claims("7778", inAnHour), LOCAL_SECRET);
        int limited = 0;
        for (int i = 0; i < 300 && limited == 0; i++) {
            HttpResponse<String> response = get("/api/coin/wallet", bearer(busy));
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
                assertThat(response.body()).contains("\"code\":\"RATE_LIMITED\"").contains("\"status\":429");
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("user 7777 was never rate limited in 300 requests").isPositive();
        assertThat(get("/api/coin/wallet", bearer(calm)).statusCode()).as("another user is not limited").isEqualTo(200);
    }

    @Test
    void answersACorsPreflightFromALocalOrigin() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/coin/wallet"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
    }

    @Test
    void refusesACorsPreflightFromAnUnknownOrigin() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway("/api/coin/wallet"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aSecondStartNamesThePartWhosePortIsTaken() throws Exception {
        Path otherRun = LocalStack.runDir.resolveSibling("smoke-run-second");
        Files.createDirectories(otherRun);
        Map<String, String> env = new LinkedHashMap<>(LocalStack.stackEnv);
        env.put("TONGBAO_RUN_DIR", otherRun.toString());
        LocalStack.Result second = LocalStack.runScript("up.sh", List.of("--no-build"), otherRun.resolve("up.out"), LocalStack.STARTUP_LIMIT, env);
        assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
        assertThat(second.output())
                .contains("FAILED: payment-sandbox: port " + LocalStack.SANDBOX_PORT + " is taken by another process")
                .contains("log: " + otherRun.resolve("logs/payment-sandbox.log"));
        try (Stream<Path> pids = Files.list(otherRun.resolve("pids"))) {
            assertThat(pids.toList()).as("the second start launched nothing").isEmpty();
        }
    }

    static Stream<Arguments> badTokens() {
        String hs256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String unsigned = b64(("{\"alg\":\"none\",\"typ\":\"JWT\"}")) + "." + b64(claims("1001", inAnHour)) + ".";
        return Stream.of(
                Arguments.of("signed with another secret", jwt(hs256, claims("1001", inAnHour), OTHER_SECRET)),
                Arguments.of("expired an hour ago", jwt(hs256, claims("1001", Instant.now().minusSeconds(3600)), LOCAL_SECRET)),
                Arguments.of("without exp", jwt(hs256, "{\"sub\":\"1001\",\"roles\":[]}", LOCAL_SECRET)),
                Arguments.of("alg none", unsigned),
                Arguments.of("alg none with the HS256 signature", unsigned
                        + jwt(hs256, claims("1001", inAnHour), LOCAL_SECRET).split("\\.")[2]),
                Arguments.of("a garbage string", "this-is-not-a-jwt"),
                Arguments.of("three garbage parts", "abc.def.ghi"));
    }

    @ParameterizedTest(name = "a token {0} is 401")
    @MethodSource("badTokens")
    void aBadTokenIs401(String kind, String token) {
        HttpResponse<String> response = get("/api/coin/wallet", bearer(token));
        assertUnauthenticated(response);
    }

    // ------------------------------------------------------------------ 5. the identity headers

    @Test
    void clientSentIdentityHeadersAreReplacedByTheToken() {
        HttpResponse<String> response = get("/api/coin/wallet", bearer(token1001),
                "X-User-Id", "2002", "X-User-Roles", "ADMIN");
        JsonNode wallet = okJson(response);
        assertThat(wallet.get("userId").asString()).isEqualTo("1001");
    }

    @Test
    void aClientSentUserIdWithoutATokenIs401() {
        HttpResponse<String> response = get("/api/coin/wallet", "X-User-Id", "2002", "X-User-Roles", "ADMIN");
        assertUnauthenticated(response);
    }

    // ------------------------------------------------------------------ 6. /internal/**

    static Stream<Arguments> internalPaths() {
        List<String> paths = List.of("/internal/coin/wallets/1001", "/internal/order/products/10001",
                "/internal/payment/channels", "/api/coin/internal/wallets/1001", "/INTERNAL/coin/wallets/1001",
                "/%69nternal/coin/wallets/1001", "/api/coin/%69nternal/wallets/1001");
        return paths.stream().flatMap(p -> Stream.of(Arguments.of(p, false), Arguments.of(p, true)));
    }

    @ParameterizedTest(name = "GET {0} (token: {1}) is 404")
    @MethodSource("internalPaths")
    void internalPathsAreNeverRouted(String path, boolean withToken) {
        HttpResponse<String> response = withToken ? get(path, bearer(token1001)) : get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    // ------------------------------------------------------------------ 7. the aggregated docs

    @Test
    void theSwaggerUiIsServed() {
        HttpResponse<String> response = get("/swagger-ui.html");
        assertThat(response.statusCode()).as("GET /swagger-ui.html -> %s", response.uri()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("swagger");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"order-service", "payment-service", "coin-service", "learning-service"})
    void eachServiceOpenapiDocumentIsServedThroughTheGateway(String service) {
        JsonNode doc = okJson(get("/docs/" + service + "/v3/api-docs"));
        assertThat(doc.has("openapi")).as("%s", doc).isTrue();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.get("paths").isObject()).isTrue();
    }

    // ------------------------------------------------------------------ 8. request ids

    @Test
    void everyResponseCarriesOneRequestId() {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("200 catalog (routed)", get("/api/order/products"));
        responses.put("200 wallet (routed)", get("/api/coin/wallet", bearer(token1001)));
        responses.put("200 docs (routed)", get("/docs/coin-service/v3/api-docs"));
        responses.put("401 (gateway)", get("/api/coin/wallet"));
        responses.put("404 internal (gateway)", get("/internal/coin/wallets/1001"));
        responses.put("404 no route (gateway)", get("/api/nothing-here", bearer(token1001)));
        SoftAssertions softly = new SoftAssertions();
        responses.forEach((what, response) -> softly.assertThat(response.headers().allValues("X-Request-Id"))
                .as("X-Request-Id of the %s response (%s)", what, response.statusCode())
                .hasSize(1).allSatisfy(id -> assertThat(id).isNotBlank()));
        softly.assertThat(responses.get("200 wallet (routed)").headers().firstValue("X-Request-Id"))
                .as("a new id per request")
                .isNotEqualTo(responses.get("200 catalog (routed)").headers().firstValue("X-Request-Id"));
        softly.assertAll();
    }

    @Test
    void aWellFormedClientRequestIdIsEchoed() {
        String id = "smoke-" + System.nanoTime();
        HttpResponse<String> ok = get("/api/coin/wallet", bearer(token1001), "X-Request-Id", id);
        HttpResponse<String> unauthorized = get("/api/coin/wallet", "X-Request-Id", id + "-401");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(ok.statusCode()).isEqualTo(200);
        softly.assertThat(ok.headers().allValues("X-Request-Id")).as("X-Request-Id of a routed 200").containsExactly(id);
        softly.assertThat(unauthorized.statusCode()).isEqualTo(401);
        softly.assertThat(unauthorized.headers().allValues("X-Request-Id")).as("X-Request-Id of the gateway's 401")
                .containsExactly(id + "-401");
        softly.assertThat(json(unauthorized).get("requestId").asString()).as("requestId of the 401 problem")
                .isEqualTo(id + "-401");
        softly.assertAll();
    }

    @Test
    void aMalformedClientRequestIdIsReplaced() {
        String bad = "x".repeat(65);
        HttpResponse<String> response = get("/api/order/products", "X-Request-Id", bad);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = response.headers().allValues("X-Request-Id");
        assertThat(ids).isNotEmpty().doesNotContain(bad).allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(ids).as("X-Request-Id of a routed 200").hasSize(1);
    }

    // ------------------------------------------------------------------ HTTP and JSON helpers

    private static URI gateway(String path) {
        return LocalStack.gateway(path);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static HttpResponse<String> get(String path, String[] auth, String... headers) {
        String[] all = new String[auth.length + headers.length];
        System.arraycopy(auth, 0, all, 0, auth.length);
        System.arraycopy(headers, 0, all, auth.length, headers.length);
        return get(path, all);
    }

    private static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode okJson(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.values().forEach(e -> ids.add(e.get(field).asString()));
        return ids;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode e : array.values()) {
            if (value.equals(e.get(field).asString())) {
                return e;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    // ------------------------------------------------------------------ hand-built JWTs

    private static String claims(String sub, Instant exp) {
        return "{\"sub\":\"" + sub + "\",\"roles\":[],\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                + exp.getEpochSecond() + "}";
    }

    private static String jwt(String header, String claims, String secret) {
        String signingInput = b64(header) + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
