package io.tongbao.payment.reconciliation;

import java.util.Comparator;

/**
 * One difference between a provider's bill and our books. {@code ours} and {@code theirs} say what each side holds
 * ({@code "SUCCESS 12.50"}, {@code "PAID 12.50"}), null for the side that has nothing.
 */
record Difference(Kind kind, String outTradeNo, String refundNo, String ours, String theirs, Resolution resolution) {

    enum Kind {
        MISSING_LOCALLY, MISSING_AT_PROVIDER, AMOUNT_MISMATCH, STATUS_MISMATCH
    }

    enum Resolution {
        /** A payment the provider took that we had not recorded, applied through the normal success path. */
        APPLIED,
        /** Left for a person: nothing was changed. */
        REPORTED
    }

    /** The order a run lists its differences in, so that a repeated run gives the same list. */
    static final Comparator<Difference> ORDER = Comparator.comparing(Difference::outTradeNo)
            .thenComparing(d -> d.refundNo() == null ? "" : d.refundNo()).thenComparing(Difference::kind);
}
