package io.tongbao.payment.attempt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.money.Money;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.OrderView;
import io.tongbao.payment.alipay.AlipayGateway;

/** Starts a payment: a NEW attempt (its own payNo) on every try, for the amount order-service says. */
@Service
class PaymentService {

    private static final Set<String> ALIPAY_MODES = Set.of("QR", "PAGE", "WAP");
    private final PayAttemptMapper attempts;
    private final OrderInternalApi orders;
    private final AlipayGateway alipay;
    private final PaymentResults results;
    private final IdGenerator ids;
    private final Duration attemptTtl;
    private final TransactionTemplate tx;

    PaymentService(PayAttemptMapper attempts, OrderInternalApi orders, AlipayGateway alipay, PaymentResults results,
            IdGenerator ids, @Value("${tongbao.payment.attempt-ttl:PT30M}") Duration attemptTtl, TransactionTemplate tx) {
        this.tx = tx;
        this.attempts = attempts;
        this.orders = orders;
        this.alipay = alipay;
        this.results = results;
        this.ids = ids;
        this.attemptTtl = attemptTtl;
    }

    /**
     * One attempt for one or several UNPAID orders of the caller, for the sum of their amounts. If any of them is
     * closed, paid, or not the caller's, nothing is created (409, or 404 exactly as if it did not exist).
     */
    PaymentView create(long userId, List<String> orderNos, String channel, String mode) {
        if (!"ALIPAY".equals(channel) || !ALIPAY_MODES.contains(mode)) {
            throw ApiException.badRequest("CHANNEL_NOT_SUPPORTED", "Supported: ALIPAY with QR, PAGE or WAP");
        }
        List<OrderView> payable = orderNos.stream().map(orderNo -> payableOrder(userId, orderNo)).toList();
        long amountFen = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expireAt = now.plus(attemptTtl);
        for (OrderView order : payable) {
            amountFen = Math.addExact(amountFen, Money.parseYuan(order.amount()));
            expireAt = earliest(order.expireAt().toInstant(), expireAt);
        }
        PayAttempt attempt = newAttempt(userId, channel, mode, amountFen, now, expireAt);
        tx.executeWithoutResult(status -> {
            attempts.insert(attempt);
            for (OrderView order : payable) {
                attempts.insertOrder(attempt.getPayNo(), order.orderNo(), Money.parseYuan(order.amount()));
            }
        });
        long minutes = Math.max(1, Duration.between(now, expireAt).toMinutes());
        AlipayGateway.Trade trade = new AlipayGateway.Trade(attempt.getPayNo(), amountFen, subject(payable), minutes);
        if ("QR".equals(mode)) {
            String code = alipay.precreate(trade);
            attempt.setPayUrl(code);
            attempts.updateById(attempt);
            return view(attempt, orderNos, QrCodes.pngDataUri(code), code, null);
        }
        return view(attempt, orderNos, null, null, alipay.pageForm(trade, "WAP".equals(mode)));
    }

    /** The caller's attempt; while PENDING, the provider is asked first and its answer applied. */
    PaymentView get(long userId, String payNo) {
        PayAttempt attempt = results.find(payNo);
        if (attempt == null || attempt.getUserId() != userId) {
            throw ApiException.notFound("PAYMENT_NOT_FOUND", "No payment " + payNo);
        }
        if ("PENDING".equals(attempt.getStatus())) {
            results.apply(payNo, alipay.query(payNo));
            attempt = results.find(payNo);
        }
        List<String> orderNos = attempts.ordersOf(payNo).stream().map(PayAttemptMapper.AttemptOrder::orderNo).toList();
        boolean qr = "QR".equals(attempt.getMode()) && attempt.getPayUrl() != null;
        return view(attempt, orderNos, qr ? QrCodes.pngDataUri(attempt.getPayUrl()) : null, qr ? attempt.getPayUrl() : null,
                null);
    }

    private OrderView payableOrder(long userId, String orderNo) {
        if (orderNo == null || !orderNo.matches("[0-9]{1,32}")) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "orderNo is required");
        }
        OrderView order = orders.order(orderNo);
        if (order.userId() != userId) {
            throw ApiException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
        }
        if (order.status() == OrderStatus.CLOSED) {
            throw ApiException.conflict("ORDER_CLOSED", "Order " + orderNo + " is closed");
        }
        if (order.status() != OrderStatus.UNPAID) {
            throw ApiException.conflict("ORDER_PAID", "Order " + orderNo + " is already paid");
        }
        return order;
    }

    private PayAttempt newAttempt(long userId, String channel, String mode, long amountFen, Instant now, Instant expireAt) {
        long id = ids.nextId();
        PayAttempt attempt = new PayAttempt();
        attempt.setId(id);
        attempt.setPayNo(Long.toString(id));
        attempt.setUserId(userId);
        attempt.setChannel(channel);
        attempt.setMode(mode);
        attempt.setStatus("PENDING");
        attempt.setAmountFen(amountFen);
        attempt.setCurrency(Money.CNY);
        attempt.setCreatedAt(now);
        attempt.setExpireAt(expireAt);
        return attempt;
    }

    private static String subject(List<OrderView> orders) {
        if (orders.size() > 1) {
            return "Tongbao: " + orders.size() + " orders";
        }
        OrderView order = orders.get(0);
        return order.items().isEmpty() ? "Tongbao order " + order.orderNo() : order.items().get(0).name();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static PaymentView view(PayAttempt a, List<String> orderNos, String qrCode, String codeUrl, String form) {
        return new PaymentView(a.getPayNo(), orderNos.get(0), orderNos, a.getChannel(), a.getMode(), a.getStatus(),
                Money.toYuan(a.getAmountFen()), a.getCurrency(), a.getExpireAt().atOffset(ZoneOffset.ofHours(8)), qrCode,
                codeUrl, null, form);
    }

    List<PayAttempt> pendingOf(String orderNo) {
        return attempts.pendingPayNosOf(orderNo).stream().map(results::find).toList();
    }

}
