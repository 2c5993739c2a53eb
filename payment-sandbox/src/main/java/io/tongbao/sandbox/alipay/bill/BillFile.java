package io.tongbao.sandbox.alipay.bill;

/** A bill as Alipay serves it: {@code <userId>_<yyyyMMdd>.csv.zip}. */
public record BillFile(String fileName, byte[] zip) {
}
