package io.tongbao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.netty.channel.ConnectTimeoutException;
import reactor.netty.http.client.PrematureCloseException;

class ServiceUnavailableFilterTest {

    @Test
    void countsFailuresBeforeTheRequestWasSentAsUnavailable() {
        assertThat(ServiceUnavailableFilter.unreachable(new ConnectException("Connection refused"))).isTrue();
        assertThat(ServiceUnavailableFilter.unreachable(
                new ConnectTimeoutException("connection timed out after 2000 ms: /10.0.0.9:8083"))).isTrue();
        assertThat(ServiceUnavailableFilter.unreachable(new UnknownHostException("coin-service"))).isTrue();
        assertThat(ServiceUnavailableFilter.unreachable(NotFoundException.create(false, "no instance"))).isTrue();
        assertThat(ServiceUnavailableFilter.unreachable(
                new IllegalStateException("wrapped", new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void leavesFailuresAfterTheRequestWasSentAndOtherErrorsAlone() {
        assertThat(ServiceUnavailableFilter.unreachable(
                PrematureCloseException.TEST_EXCEPTION)).isFalse();
        assertThat(ServiceUnavailableFilter.unreachable(
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout"))).isFalse();
        assertThat(ServiceUnavailableFilter.unreachable(NotFoundException.create(true, "no instance"))).isFalse();
        assertThat(ServiceUnavailableFilter.unreachable(new IllegalStateException("bug"))).isFalse();
    }
}
