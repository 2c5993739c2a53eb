/** The WECHAT channel: WeChat Pay API v3 through the official wechatpay-java SDK. */
package io.tongbao.payment.channel.wechat;
