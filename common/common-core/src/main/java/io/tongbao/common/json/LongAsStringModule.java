package io.tongbao.common.json;

import java.math.BigInteger;

import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** Writes every long and BigInteger as a JSON string: JavaScript loses precision above 2^53. */
public final class LongAsStringModule extends SimpleModule {

    public LongAsStringModule() {
        super("tongbao-long-as-string");
        addSerializer(Long.class, ToStringSerializer.instance);
        addSerializer(Long.TYPE, ToStringSerializer.instance);
        addSerializer(BigInteger.class, ToStringSerializer.instance);
    }
}
