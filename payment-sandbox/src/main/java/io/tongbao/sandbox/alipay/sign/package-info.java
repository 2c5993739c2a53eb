/** Alipay RSA/RSA2 signing: the string-to-sign, signatures, and the generated platform key pair. */
package io.tongbao.sandbox.alipay.sign;
