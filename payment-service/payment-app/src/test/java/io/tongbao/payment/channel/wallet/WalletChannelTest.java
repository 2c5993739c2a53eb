package io.tongbao.payment.channel.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tongbao.coin.api.WalletDebitApi;
import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.TradeRequest;

/** The wallet's price in coins and what it refuses, without Spring. */
class WalletChannelTest {

    @Test
    void chargesTheAmountInCoinsRoundedUp() {
        WalletProperties tenFen = new WalletProperties(true, 10L);
        assertThat(tenFen.coins(19900)).isEqualTo(1990);
        assertThat(tenFen.coins(1)).isEqualTo(1);
        assertThat(tenFen.coins(11)).isEqualTo(2);
        assertThat(tenFen.coins(10)).isEqualTo(1);
        assertThat(new WalletProperties(null, null).coins(1250)).as("defaults: 1 coin = 0.10").isEqualTo(125);
        assertThat(new WalletProperties(true, 100L).coins(101)).isEqualTo(2);
        assertThatThrownBy(() -> new WalletProperties(true, 0L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACoinRechargeAndIsOfferedOnlyWithACoordinator() {
        WalletChannel withSeata = new WalletChannel(new WalletProperties(true, 10L), mock(WalletDebitApi.class), true);
        assertThatThrownBy(() -> withSeata.check(trade(Set.of("COURSE", "COIN_RECHARGE"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CHANNEL_NOT_ALLOWED"));
        withSeata.check(trade(Set.of("COURSE", "GOODS")));
        assertThat(withSeata.configured()).isTrue();
        assertThat(new WalletChannel(new WalletProperties(true, 10L), mock(WalletDebitApi.class), false).configured())
                .isFalse();
        assertThat(new WalletChannel(new WalletProperties(false, 10L), mock(WalletDebitApi.class), true).configured())
                .isFalse();
    }

    private static TradeRequest trade(Set<String> bizTypes) {
        return new TradeRequest("1", 1001, bizTypes, "BALANCE", 100, "s", Instant.now().plusSeconds(60), null, null);
    }

    @Test
    void givesBackCoinsInProportionSoThatAllRefundsOfAPaymentAddUpToItsCost() {
        WalletDebitApi wallets = org.mockito.Mockito.mock(WalletDebitApi.class);
        WalletChannel channel = new WalletChannel(new WalletProperties(true, 10L), wallets, true);
        // a payment of 0.25 yuan cost 3 coins; refunded as 0.10, 0.10, 0.05
        long[][] refunds = {{10, 0}, {10, 10}, {5, 20}};
        for (int i = 0; i < refunds.length; i++) {
            channel.refund(new io.tongbao.payment.channel.RefundRequest("p1", "r" + i, 1001, refunds[i][0], 25,
                    refunds[i][1], null));
        }
        var credited = org.mockito.ArgumentCaptor.forClass(WalletDebitApi.WalletDebitCommand.class);
        org.mockito.Mockito.verify(wallets, org.mockito.Mockito.atLeastOnce()).credit(credited.capture());
        assertThat(credited.getAllValues().stream().mapToLong(WalletDebitApi.WalletDebitCommand::coins).sum())
                .isEqualTo(3);
        assertThat(credited.getAllValues()).allSatisfy(c -> assertThat(c.bizType()).isEqualTo("REFUND"));
    }
}
