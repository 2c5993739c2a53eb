/** Test hooks (API.md): pay, cancel, replay or forge notifies, read trades. */
package io.tongbao.sandbox.alipay.hook;
