package io.tongbao.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.tongbao.common.lock.RedissonLockIT;
import io.tongbao.testing.CleanRedisExtension;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key against the real Redis: replay, reuse with another body, concurrent duplicates, failures. */
class IdempotencyFilterIT {

    private static RedissonClient redisson;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger created = new AtomicInteger();
    private IdempotencyFilter filter;

    @BeforeAll
    static void connect() {
        redisson = RedissonLockIT.client();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @BeforeEach
    void setUp() {
        CleanRedisExtension.flush();
        IdempotencyStore store = new IdempotencyStore(redisson, json, "it-service", Duration.ofSeconds(30),
                Duration.ofHours(24));
        filter = new IdempotencyFilter(store, json, Duration.ofSeconds(10));
    }

    /** A create endpoint: each real run makes a new thing, numbered, after some work. */
    private FilterChain creating(int status) {
        return (request, response) -> {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sleep(150);
            int n = created.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setContentType("application/json");
            http.getWriter().write("{\"id\":\"" + n + "\",\"echo\":" + body + "}");
            http.getWriter().flush();
        };
    }

    private MockHttpServletResponse post(String user, String key, String body, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/order/orders");
        request.addHeader("X-User-Id", user);
        if (key != null) {
            request.addHeader(IdempotencyFilter.HEADER, key);
        }
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponse() throws Exception {
        MockHttpServletResponse first = post("1001", "k-1", "{\"sku\":\"10001\"}", creating(201));
        MockHttpServletResponse again = post("1001", "k-1", "{ \"sku\" : \"10001\" }", creating(201));

        assertThat(created).hasValue(1);
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"id\":\"1\"");
        assertThat(again.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndRunsNothing() throws Exception {
        post("1001", "k-2", "{\"sku\":\"10001\"}", creating(201));
        MockHttpServletResponse reused = post("1001", "k-2", "{\"sku\":\"10002\"}", creating(201));

        assertThat(created).hasValue(1);
        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(reused.getContentType()).isEqualTo("application/problem+json");
        assertThat(reused.getContentAsString()).contains("\"code\":\"IDEMPOTENCY_KEY_REUSED\"");
    }

    @Test
    void keysBelongToTheirCallerAndRequestsWithoutAKeyAlwaysRun() throws Exception {
        post("1001", "k-3", "{}", creating(201));
        MockHttpServletResponse otherUser = post("1002", "k-3", "{}", creating(201));
        post("1001", null, "{}", creating(201));
        post("1001", null, "{}", creating(201));

        assertThat(otherUser.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(created).hasValue(4);
    }

    @Test
    void tenConcurrentDuplicatesRunOnceAndAllGetTheFirstAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<MockHttpServletResponse>) () -> {
                start.await();
                return post("1001", "k-4", "{\"sku\":\"10003\"}", creating(201));
            }));
        }
        start.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse response = answer.get();
            assertThat(response.getStatus()).isEqualTo(201);
            bodies.add(response.getContentAsString());
        }
        pool.shutdown();

        assertThat(created).hasValue(1);
        assertThat(bodies).containsOnly(bodies.get(0));
    }

    @Test
    void aServerErrorFreesTheKeySoThatTheRetryRuns() throws Exception {
        MockHttpServletResponse failed = post("1001", "k-5", "{}", creating(503));
        MockHttpServletResponse retried = post("1001", "k-5", "{}", creating(201));

        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(created).hasValue(2);
    }

    @Test
    void aMalformedKeyIsRejectedBeforeAnythingRuns() throws Exception {
        MockHttpServletResponse response = post("1001", "no spaces allowed", "{}", creating(201));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("VALIDATION_FAILED");
        assertThat(created).hasValue(0);
    }

    @Test
    void aRequestThatOutlivedItsLeaseNeitherOverwritesNorFreesTheKeyOfTheRequestThatTookItOver() throws Exception {
        IdempotencyStore shortLease = new IdempotencyStore(redisson, json, "it-service", Duration.ofMillis(300),
                Duration.ofHours(24));
        IdempotencyStore.Claim slow = shortLease.claim("1001:k-6", "fp");
        assertThat(slow).isNotNull();
        assertThat(shortLease.claim("1001:k-6", "fp")).as("taken while the lease runs").isNull();
        Thread.sleep(600);
        IdempotencyStore.Claim takeover = shortLease.claim("1001:k-6", "fp");
        assertThat(takeover).as("free once the lease ran out").isNotNull();

        assertThat(shortLease.complete(slow, 201, "application/json", "{\"id\":\"late\"}")).isFalse();
        shortLease.abandon(slow);
        StoredResponse held = shortLease.find("1001:k-6");
        assertThat(held).isNotNull();
        assertThat(held.finished()).isFalse();

        assertThat(shortLease.complete(takeover, 201, "application/json", "{\"id\":\"2\"}")).isTrue();
        assertThat(shortLease.find("1001:k-6").body()).isEqualTo("{\"id\":\"2\"}");
    }

    @Test
    void withoutRedisAKeyedRequestIsRefusedRatherThanRunUnchecked() throws Exception {
        RedissonClient gone = RedissonLockIT.client();
        gone.shutdown();
        filter = new IdempotencyFilter(new IdempotencyStore(gone, json, "it-service", Duration.ofSeconds(30),
                Duration.ofHours(24)), json, Duration.ofSeconds(1));

        MockHttpServletResponse refused = post("1001", "k-7", "{}", creating(201));

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString()).contains("UPSTREAM_UNAVAILABLE");
        assertThat(created).hasValue(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
