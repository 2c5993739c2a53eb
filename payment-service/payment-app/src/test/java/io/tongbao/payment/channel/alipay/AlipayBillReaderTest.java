package io.tongbao.payment.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.tongbao.payment.channel.BillEntry;

class AlipayBillReaderTest {

    private static final String DETAIL = """
            #支付宝业务明细查询
            #账号：[20880211096256330156]
            #起始日期：[2019年09月16日 00:00:00]   终止日期：[2019年09月17日 00:00:00]
            #-----------------------------------------业务明细列表----------------------------------------
            支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注
            2019091622001453\t,1001\t,交易,"Coins, 100",2019-09-16 10:00:00,2019-09-16 10:00:05,,,,,b***@x.com,12.50,12.50,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,,0.00,0.00,
            2019091622001453\t,1001\t,退款,"Coins, 100",2019-09-16 10:00:00,2019-09-16 23:59:59,,,,,b***@x.com,12.50,-2.50,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,RF1\t,0.00,0.00,
            #-----------------------------------------业务明细列表结束------------------------------------
            #交易合计：1笔，商家实收共12.50元，商家优惠共0.00元
            #退款合计：1笔，商家实收退款共-2.50元，商家优惠退款共0.00元
            #导出时间：[2019年09月17日 05:46:49]
            """;

    @Test
    void readsPaymentsAndRefundsFromTheGbkZipWithTabsQuotesAndNegativeRefunds() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, AlipayBillReader.GBK)) {
            zip.putNextEntry(new ZipEntry("20880211096256330156_20190916_业务明细(汇总).csv"));
            zip.write("#summary\n合计,,1,1\n".getBytes(AlipayBillReader.GBK));
            zip.putNextEntry(new ZipEntry("20880211096256330156_20190916_业务明细.csv"));
            zip.write(DETAIL.getBytes(AlipayBillReader.GBK));
        }
        var beijing = ZoneId.of("Asia/Shanghai");
        assertThat(AlipayBillReader.read(bytes.toByteArray())).containsExactly(
                new BillEntry(BillEntry.Kind.PAYMENT, "1001", null, "2019091622001453", 1250,
                        LocalDateTime.parse("2019-09-16T10:00:05").atZone(beijing).toInstant()),
                new BillEntry(BillEntry.Kind.REFUND, "1001", "RF1", "2019091622001453", 250,
                        LocalDateTime.parse("2019-09-16T23:59:59").atZone(beijing).toInstant()));
    }
}
