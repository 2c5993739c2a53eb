package io.tongbao.payment.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderTradeTest {

    @Test
    void treatsSuccessAndFinishedAsPaidAndClosedAsClosed() {
        assertThat(ProviderTrade.fromAlipay("TRADE_SUCCESS")).isEqualTo(ProviderTrade.Status.PAID);
        assertThat(ProviderTrade.fromAlipay("TRADE_FINISHED")).isEqualTo(ProviderTrade.Status.PAID);
        assertThat(ProviderTrade.fromAlipay("TRADE_CLOSED")).isEqualTo(ProviderTrade.Status.CLOSED);
        assertThat(ProviderTrade.fromAlipay("WAIT_BUYER_PAY")).isEqualTo(ProviderTrade.Status.WAITING);
    }

    @Test
    void refusesAnUnknownStatusInsteadOfGuessing() {
        assertThatThrownBy(() -> ProviderTrade.fromAlipay("TRADE_PENDING")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderTrade.fromAlipay(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
