/** WeChat Pay merchants (configured or registered over HTTP) and the platform-key rotation hooks. */
package io.tongbao.sandbox.wechat.merchant;
