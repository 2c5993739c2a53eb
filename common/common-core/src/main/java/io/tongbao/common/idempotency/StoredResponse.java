package io.tongbao.common.idempotency;

/**
 * What an Idempotency-Key holds in Redis: the request that claimed it ({@code owner}, a random token), the
 * fingerprint of that request, and once it has finished, its status, content type and body. {@code status == 0}
 * means the first request is still running.
 */
public record StoredResponse(String owner, String fingerprint, int status, String contentType, String body) {

    static StoredResponse inProgress(String owner, String fingerprint) {
        return new StoredResponse(owner, fingerprint, 0, null, null);
    }

    boolean finished() {
        return status > 0;
    }
}
