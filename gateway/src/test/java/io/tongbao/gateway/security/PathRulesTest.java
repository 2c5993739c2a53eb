package io.tongbao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

class PathRulesTest {

    @Test
    void treatsAnyInternalSegmentAsInternal() {
        assertThat(AuthenticationFilter.isInternal(PathContainer.parsePath("/internal/order/x"))).isTrue();
        assertThat(AuthenticationFilter.isInternal(PathContainer.parsePath("/api/coin/internal/wallets/1"))).isTrue();
        assertThat(AuthenticationFilter.isInternal(PathContainer.parsePath("/api/coin/INTERNAL/wallets/1"))).isTrue();
        assertThat(AuthenticationFilter.isInternal(PathContainer.parsePath("/api/coin/intern%61l/wallets/1"))).isTrue();
        assertThat(AuthenticationFilter.isInternal(PathContainer.parsePath("/api/coin/internals"))).isFalse();
    }

    @Test
    void leavesOnlyTheCatalogGetsNotifiesAndDocsPublic() {
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/order/products"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.POST, PathContainer.parsePath("/api/order/products"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.POST, PathContainer.parsePath("/api/payment/notify/alipay"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/coin/wallet"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/order/orders"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/actuator/health/readiness"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/actuator/env"))).isFalse();
    }

    @Test
    void leavesTheListOfFlashSalesPublicButNotBuyingOrTickets() {
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/order/flash-sales"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.POST, PathContainer.parsePath("/api/order/flash-sales"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.POST,
                PathContainer.parsePath("/api/order/flash-sales/1/buy"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET,
                PathContainer.parsePath("/api/order/flash-sales/tickets/1"))).isFalse();
    }

    @Test
    void leavesTheStorefrontAndTheReturnFromTheCashierPublicForGetOnly() {
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/storefront/app.js"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/payment/return/alipay"))).isTrue();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.POST, PathContainer.parsePath("/api/payment/return/alipay"))).isFalse();
        assertThat(AuthenticationFilter.isPublic(HttpMethod.GET, PathContainer.parsePath("/api/order/notifications/stream"))).isFalse();
    }
}
