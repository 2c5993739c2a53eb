package io.tongbao.payment.channel.wallet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.tongbao.coin.api.WalletDebitApi;
import io.tongbao.common.error.ApiException;
import io.tongbao.payment.channel.BillFile;
import io.tongbao.payment.channel.Checkout;
import io.tongbao.payment.channel.CloseResult;
import io.tongbao.payment.channel.InboundNotify;
import io.tongbao.payment.channel.NotifyAck;
import io.tongbao.payment.channel.NotifyHandling;
import io.tongbao.payment.channel.NotifyVerdict;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderRefund;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.channel.RefundRequest;
import io.tongbao.payment.channel.TradeRequest;

/**
 * WALLET, mode BALANCE: the payer's coins in coin-service. It settles at once: {@link #create} debits the coins
 * (ledger DEBIT unique per (PAYMENT, payNo), never below zero) inside the flow's Seata global transaction, so that
 * the debit is undone when the payment is not recorded. It has no remote trade to query or close and sends no
 * notifies. A coin recharge cannot be paid with coins.
 */
@Component
class WalletChannel implements PaymentChannel {

    static final String NAME = "WALLET";
    static final String BIZ_TYPE = "PAYMENT";
    private final WalletProperties properties;
    private final WalletDebitApi wallets;
    private final boolean seata;

    WalletChannel(WalletProperties properties, WalletDebitApi wallets, @Value("${seata.enabled:false}") boolean seata) {
        this.properties = properties;
        this.wallets = wallets;
        this.seata = seata;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> modes() {
        return List.of("BALANCE");
    }

    /** Offered only with a Seata coordinator: without one the debit and the payment could not be all or nothing. */
    @Override
    public boolean configured() {
        return properties.enabled() && seata;
    }

    @Override
    public boolean settlesAtOnce() {
        return true;
    }

    @Override
    public void check(TradeRequest trade) {
        if (trade.bizTypes().contains("COIN_RECHARGE")) {
            throw ApiException.conflict("CHANNEL_NOT_ALLOWED", "A coin recharge cannot be paid with coins");
        }
    }

    @Override
    public Checkout create(TradeRequest trade) {
        long coins = properties.coins(trade.amountFen());
        WalletDebitApi.WalletDebitView debit = wallets.debit(
                new WalletDebitApi.WalletDebitCommand(trade.userId(), coins, BIZ_TYPE, trade.payNo()));
        return Checkout.settled(new ProviderTrade(ProviderTrade.Status.PAID, trade.amountFen(),
                "LEDGER-" + debit.entryId(), Instant.now()), coins);
    }

    /** A wallet attempt is recorded paid in the transaction of its debit, or not at all: there is nothing to ask. */
    @Override
    public ProviderTrade query(String payNo) {
        return ProviderTrade.notExist();
    }

    @Override
    public CloseResult close(String payNo) {
        return CloseResult.NOT_EXIST;
    }

    /**
     * A ledger CREDIT unique per refund. Partial refunds give back coins in proportion to the money, rounded so that
     * all the refunds of a payment add up to exactly the coins it cost.
     */
    @Override
    public ProviderRefund refund(RefundRequest request) {
        long cost = properties.coins(request.totalFen());
        long upTo = Math.multiplyExact(request.refundedBeforeFen() + request.amountFen(), cost) / request.totalFen();
        long before = Math.multiplyExact(request.refundedBeforeFen(), cost) / request.totalFen();
        long coins = upTo - before;
        if (coins > 0) {
            wallets.credit(new WalletDebitApi.WalletDebitCommand(request.userId(), coins, "REFUND", request.refundNo()));
        }
        return new ProviderRefund(request.refundNo(), ProviderRefund.Status.SUCCESS, request.amountFen(),
                "LEDGER-REFUND-" + request.refundNo(), Instant.now());
    }

    /** The credit is idempotent per refund, so "not known" makes the job simply send it again. */
    @Override
    public ProviderRefund queryRefund(String payNo, String refundNo) {
        return new ProviderRefund(refundNo, ProviderRefund.Status.NOT_EXIST, 0, null, null);
    }

    @Override
    public NotifyVerdict verifyNotify(InboundNotify notify) {
        return new NotifyVerdict.Refused("the wallet sends no notifies", null);
    }

    @Override
    public NotifyAck acknowledge(NotifyHandling handling) {
        return new NotifyAck(404, "text/plain", "no notifies for this channel");
    }

    @Override
    public BillFile downloadBill(LocalDate day) {
        throw notYet("bills");
    }

    // the wallet has no provider bill to reconcile against: its ledger is the record
    private static ApiException notYet(String what) {
        return new ApiException(HttpStatus.NOT_IMPLEMENTED, "NOT_SUPPORTED", "The wallet has no " + what + " yet");
    }
}
