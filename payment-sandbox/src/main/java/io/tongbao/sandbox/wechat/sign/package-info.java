/** WeChat Pay v3 cryptography: request and response signatures, AES-256-GCM, and the platform ("public") keys. */
package io.tongbao.sandbox.wechat.sign;
