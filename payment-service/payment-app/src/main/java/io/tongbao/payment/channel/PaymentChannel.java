package io.tongbao.payment.channel;

import java.time.LocalDate;
import java.util.List;

/**
 * One payment provider (or the wallet) behind the one interface the flow uses. A channel is a package under
 * {@code channel/} with its configuration block; it speaks its provider's protocol (through the official SDK) and
 * answers in provider-neutral records. It never calls back into the flow: the notify entry asks it to verify and
 * parse, then hands the neutral result to the single success path itself.
 */
public interface PaymentChannel {

    /** The channel's name as clients send it ({@code ALIPAY}, {@code WECHAT}). */
    String name();

    /** The modes it offers, in the order clients should show them. */
    List<String> modes();

    /** True when its configuration is complete, so that it can be offered. */
    boolean configured();

    /**
     * True for a channel whose {@link #create} settles the payment at once (the wallet): the flow then records the
     * attempt and its success in the same global transaction as the channel's own write.
     */
    default boolean settlesAtOnce() {
        return false;
    }

    /** Refuses a request this mode cannot serve (e.g. JSAPI without an openId) before anything is written. */
    default void check(TradeRequest request) {
    }

    /** Creates the trade at the provider and returns what the payer needs for the request's mode. */
    Checkout create(TradeRequest request);

    /** Asks the provider about a trade by our payNo (out_trade_no). */
    ProviderTrade query(String payNo);

    /** Closes a trade that awaits payment. {@link CloseResult#NOT_WAITING}: it is not waiting any more (query it). */
    CloseResult close(String payNo);

    /** Refunds part or all of a paid trade; {@code refundNo} is sent as the provider's refund number on every try. */
    ProviderRefund refund(RefundRequest request);

    /** Asks the provider about a refund by our refund number. */
    ProviderRefund queryRefund(String payNo, String refundNo);

    /** Verifies a notify (signature, our merchant, its format) and parses it into neutral terms. */
    NotifyVerdict verifyNotify(InboundNotify notify);

    /** The answer the provider expects for a notify handled with {@code handling}. */
    NotifyAck acknowledge(NotifyHandling handling);

    /** Downloads the provider's bill of trades for one day, with its digest checked where the provider gives one. */
    BillFile downloadBill(LocalDate day);

    /**
     * The completed payments and refunds of the provider's bill for one day (the provider's own day), read from
     * {@link #downloadBill}. A channel without a provider bill (the wallet) has none to read.
     */
    default List<BillEntry> bill(LocalDate day) {
        throw new UnsupportedOperationException(name() + " has no provider bill");
    }
}
