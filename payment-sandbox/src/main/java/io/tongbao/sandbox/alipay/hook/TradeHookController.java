package io.tongbao.sandbox.alipay.hook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tongbao.sandbox.alipay.cashier.ReturnUrls;
import io.tongbao.sandbox.alipay.notify.Delivery;
import io.tongbao.sandbox.alipay.notify.Notify;
import io.tongbao.sandbox.alipay.notify.NotifyDispatcher;
import io.tongbao.sandbox.alipay.trade.Trade;
import io.tongbao.sandbox.alipay.trade.TradeNotifications;
import io.tongbao.sandbox.alipay.trade.TradeRejected;
import io.tongbao.sandbox.alipay.trade.Trades;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test hooks (API.md, "The sandbox"): play the buyer, replay notifies, read a trade. With {@code view=html} (the
 * cashier's forms) the answer is a redirect for a browser instead of JSON.
 */
@RestController
@RequestMapping("/sandbox/alipay/trades/{outTradeNo}")
class TradeHookController {

    private static final int MAX_TIMES = 100;

    private final Trades trades;
    private final TradeNotifications notifications;
    private final NotifyDispatcher dispatcher;
    private final ReturnUrls returnUrls;

    TradeHookController(Trades trades, TradeNotifications notifications, NotifyDispatcher dispatcher,
                        ReturnUrls returnUrls) {
        this.trades = trades;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.returnUrls = returnUrls;
    }

    @GetMapping
    TradeView trade(@PathVariable String outTradeNo) {
        return TradeView.of(trades.find(outTradeNo));
    }

    @PostMapping("/pay")
    ResponseEntity<?> pay(@PathVariable String outTradeNo, @RequestParam(defaultValue = "true") boolean notify,
                          @RequestParam(defaultValue = "json") String view) {
        if ("html".equals(view)) {
            Trade trade = attempt(() -> trades.pay(outTradeNo, notify), outTradeNo);
            return redirect(returnUrls.after(trade, cashierPath(outTradeNo)));
        }
        return ResponseEntity.ok(TradeView.of(trades.pay(outTradeNo, notify)));
    }

    @PostMapping("/cancel")
    ResponseEntity<?> cancel(@PathVariable String outTradeNo, @RequestParam(defaultValue = "json") String view) {
        if ("html".equals(view)) {
            attempt(() -> trades.close(outTradeNo), outTradeNo);
            return redirect(cashierPath(outTradeNo));
        }
        return ResponseEntity.ok(TradeView.of(trades.close(outTradeNo)));
    }

    /** Sends the trade's latest notify again, synchronously, outside the retry schedule. */
    @PostMapping("/notify")
    List<Delivery> notifyAgain(@PathVariable String outTradeNo, @RequestParam(defaultValue = "1") int times) {
        trades.find(outTradeNo);
        Notify notify = notifications.latest(outTradeNo)
                .orElseThrow(() -> new TradeRejected("NO_NOTIFY", "this trade has not produced a notify yet"));
        var deliveries = new ArrayList<Delivery>();
        for (int i = 0; i < Math.min(Math.max(times, 0), MAX_TIMES); i++) {
            deliveries.add(dispatcher.deliverOnce(notify));
        }
        return deliveries;
    }

    @ExceptionHandler(TradeRejected.class)
    ProblemDetail rejected(TradeRejected e) {
        boolean missing = "ACQ.TRADE_NOT_EXIST".equals(e.subCode());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                missing ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.subMsg());
        problem.setProperty("code", e.subCode());
        return problem;
    }

    // a person double-clicking Pay should land on the page showing the outcome, not on a JSON error
    private Trade attempt(Supplier<Trade> action, String outTradeNo) {
        try {
            return action.get();
        } catch (TradeRejected e) {
            if ("ACQ.TRADE_NOT_EXIST".equals(e.subCode())) {
                throw e;
            }
            return trades.find(outTradeNo);
        }
    }

    private static String cashierPath(String outTradeNo) {
        return "/cashier/alipay/" + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<?> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
