/**
 * The payment channels: the one provider interface ({@link io.tongbao.payment.channel.PaymentChannel}), its
 * provider-neutral records, and the registry of the channels that are configured. Each provider is a sub-package
 * ({@code alipay}, {@code wechat}); adding one adds a package and a configuration block and changes no flow code.
 * Nothing here imports the flow packages ({@code attempt}, {@code notify}); they import this.
 */
package io.tongbao.payment.channel;
