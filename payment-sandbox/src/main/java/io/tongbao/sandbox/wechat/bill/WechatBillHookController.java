package io.tongbao.sandbox.wechat.bill;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The day's trade bill without the v3 ceremony, for people and tests: every merchant unless {@code ?mchId=}. */
@RestController
class WechatBillHookController {

    private final WechatTradeBills bills;

    WechatBillHookController(WechatTradeBills bills) {
        this.bills = bills;
    }

    @GetMapping("/sandbox/wechat/bills/{day}")
    ResponseEntity<String> bill(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                @RequestParam(required = false) String mchId,
                                @RequestParam(defaultValue = "ALL") BillType billType) {
        return ResponseEntity.ok().contentType(WechatBillController.CSV).body(bills.csv(day, mchId, billType));
    }
}
