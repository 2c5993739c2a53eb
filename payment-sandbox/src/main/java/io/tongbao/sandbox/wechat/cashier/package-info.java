/** The cashier page for WeChat trades: Pay or Cancel, then back to the merchant's H5 redirect_url if it gave one. */
package io.tongbao.sandbox.wechat.cashier;
