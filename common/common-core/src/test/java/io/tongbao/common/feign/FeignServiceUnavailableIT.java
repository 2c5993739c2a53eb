package io.tongbao.common.feign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service whose Feign call to another service cannot connect (nothing listens on its port, or discovery has no
 * instance of it) answers 503 SERVICE_UNAVAILABLE with Retry-After, through common's Feign setup and problem
 * advice; problems that the other service does answer, 503 included, pass through with their own status and code.
 */
class FeignServiceUnavailableIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HttpServer remote;
    private static int deadPort;
    private static ConfigurableApplicationContext caller;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        deadPort = freePort();
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/things/", exchange -> {
            String status = exchange.getRequestURI().getPath().substring("/things/".length());
            String code = switch (status) {
                case "409" -> "THING_CLOSED";
                case "503" -> "LEDGER_BUSY";
                default -> "HTTP_" + status;
            };
            byte[] body = ("{\"type\":\"https://tongbao.io/problems/x\",\"title\":\"t\",\"status\":" + status
                    + ",\"detail\":\"remote says " + code + "\",\"code\":\"" + code + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(Integer.parseInt(status), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        remote.start();

        Map<String, Object> p = new HashMap<>();
        p.put("spring.application.name", "it-feign-caller");
        p.put("server.port", "0");
        p.put("server.address", "127.0.0.1");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.apache.seata.spring.boot.autoconfigure.SeataAutoConfiguration",
                "org.redisson.spring.starter.RedissonAutoConfigurationV2",
                "org.redisson.spring.starter.RedissonAutoConfigurationV4"));
        p.put("seata.enabled", "false");
        p.put("spring.cloud.openfeign.client.config.default.connect-timeout", "2000");
        p.put("spring.cloud.openfeign.client.config.default.read-timeout", "5000");
        p.put("spring.cloud.discovery.client.simple.instances.it-down[0].uri", "http://127.0.0.1:" + deadPort);
        p.put("spring.cloud.discovery.client.simple.instances.it-alive[0].uri",
                "http://127.0.0.1:" + remote.getAddress().getPort());
        caller = new SpringApplicationBuilder(CallerApp.class).properties(p).run();
        base = "http://127.0.0.1:" + caller.getEnvironment().getRequiredProperty("local.server.port") + "/calls/";
    }

    @AfterAll
    static void stop() {
        if (caller != null) {
            caller.close();
        }
        if (remote != null) {
            remote.stop(0);
        }
    }

    @Test
    void answers503WithRetryAfterWhenNothingListensOnTheOtherServicesPort() throws Exception {
        HttpResponse<String> answer = get("down/1");

        assertServiceUnavailable(answer);
    }

    @Test
    void answers503WithRetryAfterWhenACreateCannotReachTheOtherService() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "down"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertServiceUnavailable(answer);
    }

    @Test
    void answers503WithRetryAfterWhenDiscoveryHasNoInstanceOfTheOtherService() throws Exception {
        assertServiceUnavailable(get("missing/1"));
    }

    @Test
    void passesAnotherServices503ProblemOnWithItsOwnCode() throws Exception {
        HttpResponse<String> answer = get("alive/503");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("LEDGER_BUSY");
    }

    @Test
    void passesAnotherServicesConflictOnUnchanged() throws Exception {
        HttpResponse<String> answer = get("alive/409");

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo("THING_CLOSED");
        assertThat(problem.get("detail").asString()).isEqualTo("remote says THING_CLOSED");
    }

    @Test
    void buildsEveryClientsMessageConvertersAtStartNotOnRacingFirstCalls() throws Exception {
        FeignClientFactory clients = caller.getBean(FeignClientFactory.class);
        Field built = FeignHttpMessageConverters.class.getDeclaredField("converters");
        built.setAccessible(true);

        @SuppressWarnings("unchecked")
        List<Object> idle = (List<Object>) built.get(clients.getInstance("itIdle", FeignHttpMessageConverters.class));
        assertThat(idle).as("a client that was never called has its converters already").isNotEmpty();
    }

    private static void assertServiceUnavailable(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(answer.body()).as("no internals in the answer")
                .doesNotContain("127.0.0.1", Integer.toString(deadPort), "it-down", "it-missing", "Exception");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public record Thing(String name) {
    }

    @FeignClient(name = "it-down", contextId = "itDown")
    public interface DownClient {
        @GetMapping("/things/{id}")
        Thing get(@PathVariable("id") String id);

        @PostMapping("/things")
        Thing create(@RequestBody Thing thing);
    }

    @FeignClient(name = "it-missing", contextId = "itMissing")
    public interface MissingClient {
        @GetMapping("/things/{id}")
        Thing get(@PathVariable("id") String id);
    }

    /** Never called by any test. */
    @FeignClient(name = "it-alive", contextId = "itIdle")
    public interface IdleClient {
        @GetMapping("/things/{id}")
        Thing get(@PathVariable("id") String id);
    }

    @FeignClient(name = "it-alive", contextId = "itAlive")
    public interface AliveClient {
        @GetMapping("/things/{id}")
        Thing get(@PathVariable("id") String id);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableFeignClients(clients = { DownClient.class, MissingClient.class, AliveClient.class, IdleClient.class })
    @Import(CallingController.class)
    public static class CallerApp {
    }

    @RestController
    public static class CallingController {
        private final DownClient down;
        private final MissingClient missing;
        private final AliveClient alive;

        public CallingController(DownClient down, MissingClient missing, AliveClient alive) {
            this.down = down;
            this.missing = missing;
            this.alive = alive;
        }

        @GetMapping("/calls/down/{id}")
        public Thing down(@PathVariable("id") String id) {
            return down.get(id);
        }

        @PostMapping("/calls/down")
        public Thing create(@RequestBody Thing thing) {
            return down.create(thing);
        }

        @GetMapping("/calls/missing/{id}")
        public Thing missing(@PathVariable("id") String id) {
            return missing.get(id);
        }

        @GetMapping("/calls/alive/{id}")
        public Thing alive(@PathVariable("id") String id) {
            return alive.get(id);
        }
    }
}
