/** WeChat trades and refunds in memory: lifecycle, idempotency, and the notifications they cause. */
package io.tongbao.sandbox.wechat.trade;
