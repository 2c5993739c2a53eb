package io.tongbao.common.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import feign.Client;
import feign.Request;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.error.ServiceUnreachableException;

class UnreachableServiceCapabilityTest {

    private final UnreachableServiceCapability capability = new UnreachableServiceCapability();

    @Test
    void turnsARefusedConnectionIntoServiceUnavailableWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        Client client = capability.enrich((Client) (request, options) -> {
            calls.incrementAndGet();
            throw new ConnectException("Connection refused");
        });

        assertThatThrownBy(() -> client.execute(post(), new Request.Options()))
                .isInstanceOfSatisfying(ServiceUnreachableException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.code()).isEqualTo(ErrorCodes.SERVICE_UNAVAILABLE);
                    assertThat(e.service()).isEqualTo("order-service");
                    assertThat(e.getMessage()).doesNotContain("order-service", "refused");
                });
        assertThat(calls).as("a POST is sent at most once").hasValue(1);
    }

    @Test
    void leavesAReadTimeoutAsItWasSinceTheOtherServiceMayHaveActed() {
        SocketTimeoutException readTimeout = new SocketTimeoutException("Read timed out");
        Client client = capability.enrich((Client) (request, options) -> {
            throw readTimeout;
        });

        assertThatThrownBy(() -> client.execute(post(), new Request.Options())).isSameAs(readTimeout);
    }

    @Test
    void knowsWhichFailuresHappenBeforeTheRequestIsSent() {
        assertThat(UnreachableServiceCapability.isConnectFailure(new ConnectException("Connection refused"))).isTrue();
        assertThat(UnreachableServiceCapability.isConnectFailure(new SocketTimeoutException("Connect timed out")))
                .isTrue();
        assertThat(UnreachableServiceCapability.isConnectFailure(new UnknownHostException("order-service"))).isTrue();
        assertThat(UnreachableServiceCapability.isConnectFailure(new NoRouteToHostException("No route"))).isTrue();
        assertThat(UnreachableServiceCapability.isConnectFailure(
                new IOException("wrapped", new ConnectException("Connection refused")))).isTrue();

        assertThat(UnreachableServiceCapability.isConnectFailure(new SocketTimeoutException("Read timed out")))
                .isFalse();
        assertThat(UnreachableServiceCapability.isConnectFailure(new SocketException("Connection reset"))).isFalse();
        assertThat(UnreachableServiceCapability.isConnectFailure(new IOException("Premature EOF"))).isFalse();
    }

    private static Request post() {
        return Request.create(Request.HttpMethod.POST, "http://order-service/internal/order/orders", Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
    }
}
