package io.tongbao.payment.channel;

import java.util.Map;
import java.util.Optional;

/**
 * A channel whose cashier sends the browser back to our return URL with signed parameters (Alipay's page and wap
 * pay), at {@code /api/payment/return/{returnPath}}. The parameters only say which payment the browser comes back
 * from; they are never proof of payment.
 */
public interface ReturnVerifier {

    /** The channel's name, as {@link PaymentChannel#name()}. */
    String channel();

    /** The last path segment of the return URL, e.g. {@code alipay}. */
    String returnPath();

    /** The payNo of a genuine return; empty (and logged) for anything else. */
    Optional<String> payNo(Map<String, String> params);
}
