package io.tongbao.payment.api;

import java.util.List;

/**
 * What closing an order's open attempts found: {@code paid} when one of them turned out to be paid at the provider
 * (its success then travels the normal payment-success path, and the order must not be closed).
 */
public record CloseOutcome(boolean paid, List<String> closedPayNos) {
}
