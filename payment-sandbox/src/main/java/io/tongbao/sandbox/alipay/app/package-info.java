/** Merchant apps and their public keys, registered by configuration or over HTTP. */
package io.tongbao.sandbox.alipay.app;
