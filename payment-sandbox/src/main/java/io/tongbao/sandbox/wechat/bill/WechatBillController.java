package io.tongbao.sandbox.wechat.bill;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;

import io.tongbao.sandbox.config.PublicUrls;
import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.v3.V3Api;
import io.tongbao.sandbox.wechat.v3.V3Authenticator;
import io.tongbao.sandbox.wechat.v3.V3Call;
import io.tongbao.sandbox.wechat.v3.V3Responses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trade bill at WeChat Pay's own paths: a signed answer with the hash and a download URL, and the file behind
 * it, which (as at WeChat) is not signed. Unlike WeChat (ready after 10:00 the next day) today's bill is served at
 * once, and a day without trades gives a bill without rows rather than NO_STATEMENT_EXIST, so tests need not wait.
 */
@V3Api
@RestController
class WechatBillController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=utf-8");

    private final V3Authenticator authenticator;
    private final V3Responses responses;
    private final WechatTradeBills bills;
    private final PublicUrls urls;

    WechatBillController(V3Authenticator authenticator, V3Responses responses, WechatTradeBills bills,
                         PublicUrls urls) {
        this.authenticator = authenticator;
        this.responses = responses;
        this.bills = bills;
        this.urls = urls;
    }

    @GetMapping("/v3/bill/tradebill")
    ResponseEntity<byte[]> tradeBill(HttpServletRequest request,
                                     @RequestParam(name = "bill_date", required = false) String billDate,
                                     @RequestParam(name = "bill_type", required = false) String billType,
                                     @RequestParam(name = "tar_type", required = false) String tarType) {
        V3Call call = authenticator.authenticate(request, null);
        LocalDate day = day(billDate);
        if (day.isAfter(bills.today())) {
            throw new WechatError(400, "NO_STATEMENT_EXIST", "账单不存在");
        }
        IssuedBill bill = bills.issue(call.mchId(), day, type(billType), gzip(tarType));
        var json = new LinkedHashMap<String, String>();
        json.put("hash_type", "SHA1");
        json.put("hash_value", bill.sha1Hex());
        json.put("download_url", urls.base(request) + "/v3/billdownload/file?token=" + bill.token());
        return responses.ok(call.mchId(), json);
    }

    @GetMapping("/v3/billdownload/file")
    ResponseEntity<byte[]> download(HttpServletRequest request, @RequestParam(required = false) String token) {
        V3Call call = authenticator.authenticate(request, null);
        IssuedBill bill = bills.redeem(token, call.mchId())
                .orElseThrow(() -> WechatError.invalidRequest("下载链接无效或已过期"));
        MediaType type = bill.gzip() ? MediaType.parseMediaType("application/x-gzip") : CSV;
        return ResponseEntity.ok().contentType(type).body(bill.file());
    }

    private static LocalDate day(String billDate) {
        if (billDate == null || billDate.isBlank()) {
            throw WechatError.paramError("bill_date", null, "缺少必填参数", "query");
        }
        try {
            return LocalDate.parse(billDate);
        } catch (DateTimeParseException e) {
            throw WechatError.paramError("bill_date", billDate, "应为yyyy-MM-dd", "query");
        }
    }

    private static BillType type(String billType) {
        try {
            return billType == null ? BillType.ALL : BillType.valueOf(billType);
        } catch (IllegalArgumentException e) {
            throw WechatError.paramError("bill_type", billType, "应为ALL、SUCCESS或REFUND", "query");
        }
    }

    private static boolean gzip(String tarType) {
        if (tarType != null && !"GZIP".equals(tarType)) {
            throw WechatError.paramError("tar_type", tarType, "只支持GZIP", "query");
        }
        return tarType != null;
    }
}
