package io.tongbao.payment.refund;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.coin.api.CoinRefundApi;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.money.Money;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.OrderView;

/**
 * Refunds that people ask for, and automatic ones. A refund first reserves its amount on what the order's payment
 * paid (a guarded update: concurrent refunds never add up to more), then, for a coin recharge, takes the coins back,
 * and only then asks the provider, under a refund number that never changes between tries.
 */
@Service
class RefundService {

    static final String REQUESTED = "REQUESTED";
    private final RefundMapper refunds;
    private final RefundSender sender;
    private final RefundResults results;
    private final OrderInternalApi orders;
    private final CoinRefundApi coins;
    private final IdGenerator ids;
    private final TransactionTemplate tx;

    RefundService(RefundMapper refunds, RefundSender sender, RefundResults results, OrderInternalApi orders,
            CoinRefundApi coins, IdGenerator ids, TransactionTemplate tx) {
        this.refunds = refunds;
        this.sender = sender;
        this.results = results;
        this.orders = orders;
        this.coins = coins;
        this.ids = ids;
        this.tx = tx;
    }

    /** An operator's refund of {@code amount} (yuan, two decimals) of a paid order. */
    Refund request(String orderNo, String amount, String reason) {
        long fen = fen(amount);
        OrderView order = orders.order(orderNo);
        if (order.payNo() == null || (order.status() != OrderStatus.PAID
                && order.status() != OrderStatus.PARTIALLY_REFUNDED)) {
            throw ApiException.conflict("ORDER_NOT_PAID", "Order " + orderNo + " is " + order.status());
        }
        Refund refund = newRefund(order.payNo(), orderNo, order.userId(), REQUESTED, fen, reason, null);
        tx.executeWithoutResult(status -> {
            if (refunds.reserve(refund.getPayNo(), orderNo, fen) == 0) {
                throw ApiException.conflict("REFUND_EXCEEDS_PAID", "Order " + orderNo
                        + " has less than " + amount + " left to refund");
            }
            refunds.insert(refund);
        });
        if (order.bizType() == BizType.COIN_RECHARGE) {
            takeCoinsBack(refund, Money.parseYuan(order.paidAmount()));
        }
        sender.send(refund);
        return results.find(refund.getRefundNo());
    }

    /** An automatic refund, in full, of a payment its order never applied; once per payment and order. */
    void refundUnapplied(String payNo, String orderNo, String kind) {
        Long paid = refunds.paidFor(payNo, orderNo);
        if (paid == null) {
            throw new IllegalStateException("No payment " + payNo + " of order " + orderNo);
        }
        Refund refund = newRefund(payNo, orderNo, refunds.userOf(payNo), kind, paid, kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                kind + ":" + payNo + ":" + orderNo);
        Boolean created = tx.execute(status -> {
            if (refunds.insertOnce(refund) == 0) {
                return false;
            }
            if (refunds.reserve(payNo, orderNo, paid) == 0) {
                throw new IllegalStateException("Payment " + payNo + " of order " + orderNo + " was refunded already");
            }
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            sender.send(results.find(refund.getRefundNo()));
        }
    }

    /** A FAILED refund tried again, under the same refund number; 409 when it is not FAILED. */
    Refund retry(String refundNo) {
        Refund refund = results.find(refundNo);
        if (refund == null) {
            throw ApiException.notFound("REFUND_NOT_FOUND", "No refund " + refundNo);
        }
        tx.executeWithoutResult(status -> {
            if (refunds.failedToProcessing(refundNo) == 0) {
                throw ApiException.conflict("REFUND_NOT_FAILED", "Refund " + refundNo + " is " + refund.getStatus());
            }
            if (refunds.reserve(refund.getPayNo(), refund.getOrderNo(), refund.getAmountFen()) == 0) {
                throw ApiException.conflict("REFUND_EXCEEDS_PAID", "Order " + refund.getOrderNo()
                        + " has less left to refund than this refund");
            }
        });
        sender.send(results.find(refundNo));
        return results.find(refundNo);
    }

    /** Coins leave the wallet before money leaves the merchant; when they were spent, nothing is done at all. */
    private void takeCoinsBack(Refund refund, long paidFen) {
        try {
            coins.takeBack(new CoinRefundApi.RefundDebitCommand(refund.getOrderNo(), refund.getRefundNo(),
                    refund.getAmountFen(), paidFen));
        } catch (RuntimeException e) {
            tx.executeWithoutResult(status -> {
                if (refunds.withdraw(refund.getRefundNo()) == 1) {
                    refunds.release(refund.getPayNo(), refund.getOrderNo(), refund.getAmountFen());
                }
            });
            throw e instanceof ApiException ? e : new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE", "coin-service could not take the coins back; nothing was refunded");
        }
    }

    private Refund newRefund(String payNo, String orderNo, long userId, String kind, long fen, String reason,
            String autoKey) {
        long id = ids.nextId();
        Refund refund = new Refund();
        refund.setId(id);
        refund.setRefundNo(Long.toString(id));
        refund.setPayNo(payNo);
        refund.setOrderNo(orderNo);
        refund.setUserId(userId);
        refund.setChannel(refunds.channelOf(payNo));
        refund.setKind(kind);
        refund.setAmountFen(fen);
        refund.setReason(reason == null || reason.length() <= 256 ? reason : reason.substring(0, 256));
        refund.setStatus("PROCESSING");
        refund.setAutoKey(autoKey);
        return refund;
    }

    private static long fen(String amount) {
        try {
            long fen = Money.parseYuan(amount);
            if (fen <= 0) {
                throw new IllegalArgumentException("not positive");
            }
            return fen;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED,
                    "amount must be a positive amount in yuan with two decimals, e.g. \"5.00\"");
        }
    }
}
