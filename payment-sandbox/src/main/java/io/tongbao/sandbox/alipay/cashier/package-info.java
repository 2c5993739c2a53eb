/** The cashier page a person pays on, and the signed return to the merchant. */
package io.tongbao.sandbox.alipay.cashier;
