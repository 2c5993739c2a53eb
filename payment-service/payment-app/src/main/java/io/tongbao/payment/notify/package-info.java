/**
 * Provider notifies: one entry for every channel, which asks the channel to verify and parse and hands the neutral
 * result to the single success path ({@link io.tongbao.payment.attempt.PaymentResults}).
 */
package io.tongbao.payment.notify;
