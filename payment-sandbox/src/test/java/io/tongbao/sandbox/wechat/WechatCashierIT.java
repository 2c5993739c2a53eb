package io.tongbao.sandbox.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.wechat.pay.java.service.payments.model.Transaction;
import org.junit.jupiter.api.Test;

/** The cashier page and its forms, as a browser without scripts uses them. */
class WechatCashierIT extends WechatITSupport {

    @Test
    void cashierShowsTheTradeWithPayAndCancelForms() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 1250, null);

        var page = get("/cashier/wechat/" + outTradeNo);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("text/html"));
        assertThat(page.body()).contains("同宝 a/b 课程", "12.50", outTradeNo, "NOTPAY",
                "action=\"/sandbox/wechat/trades/" + outTradeNo + "/pay?view=html\"",
                "action=\"/sandbox/wechat/trades/" + outTradeNo + "/cancel?view=html\"");
    }

    @Test
    void payingFromTheCashierGoesBackToThePageOrToTheH5RedirectUrl() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 100, null);
        String redirect = URLEncoder.encode("https://merchant.example/paid?o=1", StandardCharsets.UTF_8);

        var paid = post("/sandbox/wechat/trades/" + outTradeNo + "/pay?view=html&notify=false&redirect_url=" + redirect);
        var again = post("/sandbox/wechat/trades/" + outTradeNo + "/pay?view=html");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).contains("https://merchant.example/paid?o=1");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains("/cashier/wechat/" + outTradeNo);
        assertThat(query(outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(get("/cashier/wechat/" + outTradeNo).body()).contains("SUCCESS").doesNotContain("id=\"pay\"");
    }

    @Test
    void cancellingClosesTheTrade() throws Exception {
        String outTradeNo = newOutTradeNo();
        prepayNative(outTradeNo, 100, null);

        var cancelled = post("/sandbox/wechat/trades/" + outTradeNo + "/cancel");

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled.body())).containsEntry("status", "CLOSED");
        assertThat(query(outTradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
    }

    @Test
    void unknownTradeIsNotFound() throws Exception {
        assertThat(get("/cashier/wechat/nope_" + newOutTradeNo()).statusCode()).isEqualTo(404);
        assertThat(get("/sandbox/wechat/trades/nope_" + newOutTradeNo()).statusCode()).isEqualTo(404);
    }
}
