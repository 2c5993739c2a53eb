package io.tongbao.sandbox.alipay.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tongbao.sandbox.alipay.trade.AlipayIds;
import io.tongbao.sandbox.alipay.trade.TradeRejected;
import org.springframework.stereotype.Component;

/** alipay.data.dataservice.bill.downloadurl.query: points at the sandbox's own zip of the day's trade bill. */
@Component
class BillApi {

    private final Clock clock;

    BillApi(Clock clock) {
        this.clock = clock;
    }

    Map<String, Object> downloadUrl(ApiCall call) {
        String billType = call.biz().required("bill_type");
        String billDate = call.biz().required("bill_date");
        LocalDate date = parseDay(billDate);
        if (!"trade".equals(billType)) {
            // signcustomer and the other types exist at Alipay; the sandbox only keeps trade bills
            throw new TradeRejected("isp.bill_not_exist", "账单不存在");
        }
        // unlike Alipay (T+1, ready by 09:00) today's bill is served at once, so tests need not wait a day
        if (date.isAfter(LocalDate.now(clock.withZone(AlipayIds.ZONE)))) {
            throw new TradeRejected("isp.bill_not_exist", "账单不存在");
        }
        var node = new LinkedHashMap<String, Object>();
        node.put("bill_download_url", call.baseUrl() + "/sandbox/alipay/bills/" + date + "?appId="
                + URLEncoder.encode(call.appId(), StandardCharsets.UTF_8));
        return node;
    }

    private static LocalDate parseDay(String billDate) {
        try {
            return LocalDate.parse(billDate);
        } catch (DateTimeParseException e) {
            throw new TradeRejected("isv.invalid_arguments", "bill_date 格式应为 yyyy-MM-dd (沙箱不提供月账单)");
        }
    }
}
