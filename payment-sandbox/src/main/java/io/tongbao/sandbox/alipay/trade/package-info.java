/** Trades and refunds in memory, their guarded state transitions, and the notifies they cause. */
package io.tongbao.sandbox.alipay.trade;
