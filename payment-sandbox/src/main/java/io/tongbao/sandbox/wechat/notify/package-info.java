/** WeChat Pay notifications: encrypted envelopes, signed deliveries and the (compressed) retry schedule. */
package io.tongbao.sandbox.wechat.notify;
