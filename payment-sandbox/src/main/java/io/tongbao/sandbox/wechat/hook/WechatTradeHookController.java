package io.tongbao.sandbox.wechat.hook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.notify.WechatDelivery;
import io.tongbao.sandbox.wechat.notify.WechatNotify;
import io.tongbao.sandbox.wechat.notify.WechatNotifyDispatcher;
import io.tongbao.sandbox.wechat.trade.WechatTrade;
import io.tongbao.sandbox.wechat.trade.WechatTradeNotifications;
import io.tongbao.sandbox.wechat.trade.WechatTrades;
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
 * Test hooks (API.md, "The sandbox") for WeChat trades: play the payer, replay notifies, read a trade. With
 * {@code view=html} (the cashier's forms) the answer is a redirect for a browser: to the H5 redirect_url when the
 * merchant appended one to h5_url, else back to the cashier.
 */
@RestController
@RequestMapping("/sandbox/wechat/trades/{outTradeNo}")
class WechatTradeHookController {

    private static final int MAX_TIMES = 100;

    private final WechatTrades trades;
    private final WechatTradeNotifications notifications;
    private final WechatNotifyDispatcher dispatcher;

    WechatTradeHookController(WechatTrades trades, WechatTradeNotifications notifications,
                              WechatNotifyDispatcher dispatcher) {
        this.trades = trades;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
    }

    @GetMapping
    WechatTradeView trade(@PathVariable String outTradeNo) {
        return WechatTradeView.of(trades.find(outTradeNo));
    }

    @PostMapping("/pay")
    ResponseEntity<?> pay(@PathVariable String outTradeNo, @RequestParam(defaultValue = "true") boolean notify,
                          @RequestParam(defaultValue = "json") String view,
                          @RequestParam(name = "redirect_url", required = false) String redirectUrl) {
        if ("html".equals(view)) {
            attempt(() -> trades.pay(outTradeNo, notify), outTradeNo);
            return redirect(afterCashier(outTradeNo, redirectUrl));
        }
        return ResponseEntity.ok(WechatTradeView.of(trades.pay(outTradeNo, notify)));
    }

    @PostMapping("/cancel")
    ResponseEntity<?> cancel(@PathVariable String outTradeNo, @RequestParam(defaultValue = "json") String view,
                             @RequestParam(name = "redirect_url", required = false) String redirectUrl) {
        if ("html".equals(view)) {
            attempt(() -> trades.close(null, outTradeNo), outTradeNo);
            return redirect(afterCashier(outTradeNo, redirectUrl));
        }
        return ResponseEntity.ok(WechatTradeView.of(trades.close(null, outTradeNo)));
    }

    /** Sends the trade's latest notification again, synchronously, outside the retry schedule. */
    @PostMapping("/notify")
    List<WechatDelivery> notifyAgain(@PathVariable String outTradeNo, @RequestParam(defaultValue = "1") int times) {
        trades.find(outTradeNo);
        WechatNotify notify = notifications.latest(outTradeNo)
                .orElseThrow(() -> new WechatError(409, "NO_NOTIFY", "this trade has not produced a notify yet"));
        var deliveries = new ArrayList<WechatDelivery>();
        for (int i = 0; i < Math.min(Math.max(times, 0), MAX_TIMES); i++) {
            deliveries.add(dispatcher.deliverOnce(notify));
        }
        return deliveries;
    }

    @ExceptionHandler(WechatError.class)
    ProblemDetail rejected(WechatError e) {
        boolean missing = e.status() == 404;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                missing ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("code", e.code());
        return problem;
    }

    // a person double-clicking Pay should land on the page showing the outcome, not on a JSON error
    private void attempt(Supplier<WechatTrade> action, String outTradeNo) {
        try {
            action.get();
        } catch (WechatError e) {
            if (e.status() == 404) {
                throw e;
            }
        }
    }

    private static String afterCashier(String outTradeNo, String redirectUrl) {
        if (redirectUrl != null && (redirectUrl.startsWith("http://") || redirectUrl.startsWith("https://"))) {
            return redirectUrl;
        }
        return "/cashier/wechat/" + URLEncoder.encode(outTradeNo, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<?> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
