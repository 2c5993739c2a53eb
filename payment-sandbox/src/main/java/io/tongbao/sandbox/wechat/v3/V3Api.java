package io.tongbao.sandbox.wechat.v3;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers that answer at WeChat Pay's own /v3 paths, so their errors take WeChat's JSON shape. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface V3Api {
}
