package io.tongbao.payment.reconciliation;

import java.util.List;

import io.tongbao.common.money.Money;

/** The Reconciliation of API.md; {@code failureReason} says why a FAILED run could not compare. */
record ReconciliationView(String channel, String date, String status, int ourCount, int providerCount,
        String ourAmount, String providerAmount, String currency, List<Difference> differences, String failureReason) {

    static ReconciliationView of(ReconciliationMapper.Stored run, List<Difference> differences) {
        boolean compared = "BALANCED".equals(run.status()) || "DIFFERENCES".equals(run.status());
        return new ReconciliationView(run.channel(), run.day(), run.status(), run.ourCount(), run.providerCount(),
                Money.toYuan(run.ourAmountFen()), Money.toYuan(run.providerAmountFen()), Money.CNY,
                compared ? differences : List.of(), run.failureReason());
    }
}
