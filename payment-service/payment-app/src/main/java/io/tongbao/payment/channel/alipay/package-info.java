/** The ALIPAY channel: the Alipay OpenAPI through the official alipay-sdk-java. */
package io.tongbao.payment.channel.alipay;
