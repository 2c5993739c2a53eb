/** WeChat Pay v3 trade bills: backtick CSV in yuan, SHA-1 hashed, behind short-lived download tokens. */
package io.tongbao.sandbox.wechat.bill;
