/** The v3 wire protocol around every endpoint: request authentication, signed answers, errors, JSON bodies. */
package io.tongbao.sandbox.wechat.v3;
