package io.tongbao.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.tongbao.testing.LocalMiddleware;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running local stack for end-to-end tests: the gateway, the sandbox's hooks, and polling. */
final class StackClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StackClient() {
    }

    /** Posts the SDK's auto-submitting form to the provider, which creates the trade and redirects to its cashier. */
    static void submitAsABrowserWould(String html) {
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(html);
        assertThat(action.find()).as(html).isTrue();
        Matcher inputs = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        StringBuilder body = new StringBuilder();
        while (inputs.find()) {
            body.append(body.isEmpty() ? "" : "&").append(inputs.group(1)).append('=')
                    .append(URLEncoder.encode(unescape(inputs.group(2)), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/cashier/alipay/");
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static JsonNode sandboxTrade(String payNo) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandboxUri("/sandbox/alipay/trades/" + payNo)).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String sandbox(String path, String json) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandboxUri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(200, 299);
        return r.body();
    }

    static URI sandboxUri(String path) {
        return URI.create("http://127.0.0.1:" + LocalStack.SANDBOX_PORT + path);
    }

    static String devToken(long userId) {
        return devToken(userId, "");
    }

    /** A dev token with roles, e.g. {@code "\"ADMIN\""}. */
    static String devToken(long userId, String roles) {
        return JSON.readTree(send(HttpRequest.newBuilder(LocalStack.gateway("/api/auth/dev-token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"userId\":\"" + userId + "\",\"roles\":[" + roles + "]}"))).body()).get("token").asString();
    }

    static JsonNode call(String method, String path, String token, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(LocalStack.gateway(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the value is the expected one; 60 s covers the 20 s order timeout and the relays. */
    static <T> void awaitValue(Supplier<T> value, T expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        assertThat(last).isEqualTo(expected);
    }

    /** The stack's own database of one service (order, payment, coin, learning), for fixtures and checks. */
    static JdbcTemplate db(String service) {
        return new JdbcTemplate(new DriverManagerDataSource(
                LocalMiddleware.jdbcUrl("tongbao_" + service + LocalStack.SCHEMA_SUFFIX), LocalMiddleware.dbUser(),
                LocalMiddleware.dbPassword()));
    }
}
