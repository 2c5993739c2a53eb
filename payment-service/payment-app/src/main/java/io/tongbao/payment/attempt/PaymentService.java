package io.tongbao.payment.attempt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.money.Money;
import io.tongbao.common.settings.RefreshableSettings;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.OrderView;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.Checkout;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.TradeRequest;
import io.tongbao.payment.metrics.PaymentMetrics;

/** Starts a payment: a NEW attempt (its own payNo) on every try, for the amount order-service says. */
@Service
class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private final PayAttemptMapper attempts;
    private final OrderInternalApi orders;
    private final Channels channels;
    private final PaymentResults results;
    private final IdGenerator ids;
    private final RefreshableSettings<PaymentSettings> settings;
    private final TransactionTemplate tx;
    private final PaymentMetrics metrics;
    private final SettledPayments settled;
    private final Outbox outbox;

    PaymentService(PayAttemptMapper attempts, OrderInternalApi orders, Channels channels, PaymentResults results,
            IdGenerator ids, RefreshableSettings<PaymentSettings> settings, TransactionTemplate tx,
            PaymentMetrics metrics, SettledPayments settled, Outbox outbox) {
        this.settled = settled;
        this.outbox = outbox;
        this.attempts = attempts;
        this.orders = orders;
        this.channels = channels;
        this.results = results;
        this.ids = ids;
        this.settings = settings;
        this.tx = tx;
        this.metrics = metrics;
    }

    /** Who pays and how: the channel and mode, and what some modes need of the payer (openId, the caller's IP). */
    record Payer(long userId, String channel, String mode, String openId, String clientIp) {
    }

    /**
     * One attempt for one or several UNPAID orders of the caller, for the sum of their amounts. If any of them is
     * closed, paid, or not the caller's, or the channel cannot serve the request, nothing is created (409 or 400, or
     * 404 exactly as if the order did not exist).
     */
    PaymentView create(Payer payer, List<String> orderNos) {
        PaymentChannel channel = channels.forPayment(payer.channel(), payer.mode());
        List<OrderView> payable = orderNos.stream().map(orderNo -> payableOrder(payer.userId(), orderNo)).toList();
        long amountFen = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expireAt = now.plus(settings.get().attemptTtl());
        for (OrderView order : payable) {
            amountFen = Math.addExact(amountFen, Money.parseYuan(order.amount()));
            expireAt = earliest(order.expireAt().toInstant(), expireAt);
        }
        PayAttempt attempt = newAttempt(payer, amountFen, now, expireAt);
        TradeRequest trade = new TradeRequest(attempt.getPayNo(), payer.userId(),
                payable.stream().map(o -> o.bizType().name()).collect(Collectors.toSet()), payer.mode(), amountFen,
                subject(payable), expireAt, payer.openId(), payer.clientIp());
        channel.check(trade);
        if (channel.settlesAtOnce()) {
            return settleAtOnce(channel, attempt, payable, trade, orderNos);
        }
        tx.executeWithoutResult(status -> {
            attempts.insert(attempt);
            for (OrderView order : payable) {
                attempts.insertOrder(attempt.getPayNo(), order.orderNo(), Money.parseYuan(order.amount()));
            }
        });
        Checkout checkout = createAtProvider(channel, trade);
        attempts.updateCheckout(attempt.getPayNo(), checkout.codeUrl(), checkout.h5Url());
        return view(attempt, orderNos, checkout);
    }

    /** The caller's attempt; while PENDING, the provider is asked first and its answer applied. */
    PaymentView get(long userId, String payNo) {
        PayAttempt attempt = results.find(payNo);
        if (attempt == null || attempt.getUserId() != userId) {
            throw ApiException.notFound("PAYMENT_NOT_FOUND", "No payment " + payNo);
        }
        if ("PENDING".equals(attempt.getStatus())) {
            results.apply(attempt.getChannel(), payNo, channels.of(attempt.getChannel()).query(payNo));
            attempt = results.find(payNo);
        }
        List<String> orderNos = attempts.ordersOf(payNo).stream().map(PayAttemptMapper.AttemptOrder::orderNo).toList();
        return view(attempt, orderNos, new Checkout(attempt.getPayUrl(), attempt.getH5Url(), null, null, null,
                attempt.getCoins()));
    }

    /**
     * The channel settles at once: attempt, debit and success in one global transaction, then its payment-success
     * is released to the relay. Nothing of it exists when it fails.
     */
    private PaymentView settleAtOnce(PaymentChannel channel, PayAttempt attempt, List<OrderView> payable,
            TradeRequest trade, List<String> orderNos) {
        List<PayAttemptMapper.AttemptOrder> lines = payable.stream()
                .map(o -> new PayAttemptMapper.AttemptOrder(o.orderNo(), Money.parseYuan(o.amount()))).toList();
        Checkout checkout;
        try {
            checkout = settled.settle(channel, attempt, lines, trade);
        } catch (RuntimeException e) {
            metrics.settled(channel.name(), e);
            throw coordinatorDown(e) ? new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "The transaction coordinator cannot be reached; nothing was paid. Try again later.") : e;
        }
        metrics.settled(channel.name(), null);
        outbox.release(attempt.getPayNo());
        attempt.setStatus("SUCCESS");
        return view(attempt, orderNos, checkout);
    }

    /** Seata could not begin or end the global transaction (not a refusal of the payment itself). */
    private static boolean coordinatorDown(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException) {
                return false;
            }
            if (t.getClass().getName().startsWith("org.apache.seata.")) {
                return true;
            }
        }
        return false;
    }

    /** A provider that refuses (or does not answer) leaves the attempt FAILED, so that nobody waits on it. */
    private Checkout createAtProvider(PaymentChannel channel, TradeRequest trade) {
        try {
            return channel.create(trade);
        } catch (RuntimeException e) {
            if (attempts.updatePendingToFailed(trade.payNo(), Instant.now()) == 1) {
                metrics.moved(channel.name(), "FAILED");
            }
            log.warn("{} did not create trade {}: {}", channel.name(), trade.payNo(), e.getMessage());
            throw e;
        }
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

    private PayAttempt newAttempt(Payer payer, long amountFen, Instant now, Instant expireAt) {
        long id = ids.nextId();
        PayAttempt attempt = new PayAttempt();
        attempt.setId(id);
        attempt.setPayNo(Long.toString(id));
        attempt.setUserId(payer.userId());
        attempt.setChannel(payer.channel());
        attempt.setMode(payer.mode());
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

    private static PaymentView view(PayAttempt a, List<String> orderNos, Checkout checkout) {
        String code = checkout.codeUrl();
        return new PaymentView(a.getPayNo(), orderNos.get(0), orderNos, a.getChannel(), a.getMode(), a.getStatus(),
                Money.toYuan(a.getAmountFen()), a.getCurrency(), a.getExpireAt().atOffset(ZoneOffset.ofHours(8)),
                code == null ? null : QrCodes.pngDataUri(code), code, null, checkout.h5Url(), checkout.form(),
                checkout.jsapi(), checkout.coins());
    }

    List<PayAttempt> pendingOf(String orderNo) {
        return attempts.pendingPayNosOf(orderNo).stream().map(results::find).toList();
    }
}
