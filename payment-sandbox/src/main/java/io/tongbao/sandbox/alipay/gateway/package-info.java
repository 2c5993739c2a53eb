/** The OpenAPI gateway at /gateway.do: request verification, methods, signed responses. */
package io.tongbao.sandbox.alipay.gateway;
