package io.tongbao.sandbox.wechat.bill;

/** bill_type: every row, payments only, or refunds only. The sandbox keeps the ALL columns for each. */
enum BillType {
    ALL,
    SUCCESS,
    REFUND
}
