/** WeChat Pay v3 payments: native, JSAPI and H5 prepay, query and close at WeChat's own paths. */
package io.tongbao.sandbox.wechat.pay;
