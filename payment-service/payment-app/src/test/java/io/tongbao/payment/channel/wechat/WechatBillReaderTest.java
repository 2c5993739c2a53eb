package io.tongbao.payment.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tongbao.payment.channel.BillEntry;

class WechatBillReaderTest {

    private static final String BILL = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n"
            + "`2021-01-28 17:07:11,`wx81,`1601959334,`0,`,`4200000925,`1001,`ofyak,`NATIVE,`SUCCESS,`OTHERS,`CNY,"
            + "`12.50,`0.00,`0,`0,`0.00,`0.00,`,`,`for testing,`,`0.00000,`1.00%,`12.50,`0.00,`\n"
            + "`2021-01-28 18:00:00,`wx81,`1601959334,`0,`,`4200000925,`1001,`ofyak,`NATIVE,`REFUND,`OTHERS,`CNY,"
            + "`0.00,`0.00,`5030000,`RF1,`2.50,`0.00,`ORIGINAL,`SUCCESS,`for testing,`,`0.00000,`1.00%,`0.00,`2.50,`\r\n"
            + "`2021-01-28 18:30:00,`wx81,`1601959334,`0,`,`4200000925,`1001,`ofyak,`NATIVE,`REFUND,`OTHERS,`CNY,"
            + "`0.00,`0.00,`5030001,`RF2,`1.00,`0.00,`ORIGINAL,`PROCESSING,`for testing,`,`0.00000,`1.00%,`0.00,`1.00,`\r\n"
            + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
            + "`3,`12.50,`3.50,`0.00,`0.00000,`12.50,`3.50\r\n";

    @Test
    void readsPaymentsAndSucceededRefundsInYuanWithEitherLineEnding() {
        var beijing = ZoneId.of("Asia/Shanghai");
        assertThat(WechatBillReader.read(BILL.getBytes(StandardCharsets.UTF_8))).containsExactly(
                new BillEntry(BillEntry.Kind.PAYMENT, "1001", null, "4200000925", 1250,
                        LocalDateTime.parse("2021-01-28T17:07:11").atZone(beijing).toInstant()),
                new BillEntry(BillEntry.Kind.REFUND, "1001", "RF1", "4200000925", 250,
                        LocalDateTime.parse("2021-01-28T18:00:00").atZone(beijing).toInstant()));
    }
}
