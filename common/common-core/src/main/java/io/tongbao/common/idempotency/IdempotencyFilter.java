package io.tongbao.common.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Honours {@code Idempotency-Key} on the create endpoints (every {@code POST /api/**}), per caller, as API.md says:
 * for 24 h the same key with the same body gets the first response again (marked {@code Idempotent-Replayed: true}),
 * and the same key with another body gets 422 IDEMPOTENCY_KEY_REUSED. A duplicate that arrives while the first
 * request still runs waits for its answer, so concurrent duplicates create one thing and all see it. A first
 * request that fails with 5xx frees its key, so that the client's retry runs again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String IN_PROGRESS = "IDEMPOTENCY_REQUEST_IN_PROGRESS";
    static final int MAX_BODY = 64 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final JsonMapper json;
    private final Duration wait;

    public IdempotencyFilter(IdempotencyStore store, JsonMapper json, Duration wait) {
        this.store = store;
        this.json = json;
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 128 letters, digits or . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.VALIDATION_FAILED, "The request body is too large");
            return;
        }
        String storeKey = caller(request) + ":" + key;
        String fingerprint = fingerprint(request, body);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            IdempotencyStore.Claim claim;
            StoredResponse stored;
            try {
                claim = store.claim(storeKey, fingerprint);
                stored = claim == null ? store.find(storeKey) : null;
            } catch (RuntimeException storeDown) {
                // Without the store a retry could create a second order or payment: refuse rather than guess.
                log.error("Idempotency store unavailable: {}", storeDown.toString());
                problem(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UPSTREAM_UNAVAILABLE,
                        "Idempotency-Key cannot be checked right now; retry later");
                return;
            }
            if (claim != null) {
                runFirst(new CachedBodyRequest(request, body), response, chain, claim);
                return;
            }
            if (stored == null) {
                continue; // freed between our claim and our read: claim again
            }
            if (!stored.fingerprint().equals(fingerprint)) {
                problem(response, HttpStatus.UNPROCESSABLE_CONTENT, KEY_REUSED,
                        "This Idempotency-Key was used with a different request");
                return;
            }
            if (stored.finished()) {
                replay(stored, response);
                return;
            }
            if (System.nanoTime() > deadline) {
                problem(response, HttpStatus.CONFLICT, IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed; retry later");
                return;
            }
            sleep();
        }
    }

    /**
     * Runs the first request and keeps its answer. The client always gets the real answer: if the store fails after
     * the request succeeded, the claim simply stays until its lease runs out (duplicates meanwhile wait, then get
     * 409), and is never freed early, since freeing it would let a retry create the same thing twice.
     */
    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            IdempotencyStore.Claim claim) throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean handled = false;
        try {
            chain.doFilter(request, recorded);
            handled = true;
        } finally {
            try {
                if (handled && recorded.getStatus() < 500) {
                    if (!store.complete(claim, recorded.getStatus(), recorded.getContentType(),
                            new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8))) {
                        log.warn("Idempotency-Key claim expired before its request finished; its answer is not kept");
                    }
                } else {
                    store.abandon(claim);
                }
            } catch (RuntimeException storeDown) {
                log.error("Idempotency store failed after the request ran: {}", storeDown.toString());
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String caller(HttpServletRequest request) {
        String user = request.getHeader("X-User-Id");
        return user != null && user.matches("[0-9]{1,20}") ? user : "anonymous";
    }

    /** The method, path and body; a JSON body is compared by content, not by its whitespace. */
    String fingerprint(HttpServletRequest request, byte[] body) {
        byte[] content = body;
        try {
            if (body.length > 0) {
                content = json.writeValueAsBytes(json.readTree(body));
            }
        } catch (JacksonException notJson) {
            log.debug("Idempotent request body is not JSON; fingerprinting its bytes");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the first request", e);
        }
    }
}
