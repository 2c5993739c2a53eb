/** Daily trade bills: zipped GBK CSV in Alipay's layout. */
package io.tongbao.sandbox.alipay.bill;
