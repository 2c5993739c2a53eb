/**
 * The WeChat Pay v3 imitation (PROVIDER-WECHATPAY-V3.md): merchants and platform keys, the v3 API at WeChat's own
 * paths, encrypted and signed notifies, bills, test hooks and a cashier page.
 */
package io.tongbao.sandbox.wechat;
