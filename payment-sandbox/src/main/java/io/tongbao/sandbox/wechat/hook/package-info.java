/** Test hooks (API.md) for WeChat trades: pay, cancel, replay or forge notifies, read trades. */
package io.tongbao.sandbox.wechat.hook;
