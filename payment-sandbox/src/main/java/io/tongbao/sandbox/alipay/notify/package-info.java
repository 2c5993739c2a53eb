/** Async notify delivery with Alipay's (compressed) retry schedule. */
package io.tongbao.sandbox.alipay.notify;
