/**
 * Refunds: requested by operators, or automatic for payments their order never applied. Every refund goes through
 * its payment's channel ({@link io.tongbao.payment.channel.PaymentChannel#refund}) under one refund number.
 */
package io.tongbao.payment.refund;
