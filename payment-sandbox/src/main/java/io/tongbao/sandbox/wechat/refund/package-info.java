/** WeChat Pay v3 domestic refunds: create and query at WeChat's own paths. */
package io.tongbao.sandbox.wechat.refund;
