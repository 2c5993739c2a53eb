package io.tongbao.common.json;

import java.math.BigInteger;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes every long and BigInteger as a JSON string: JavaScript loses precision above 2^53, and ids are 64-bit.
 * A property that is a count, not an id (a coin balance), opts out with {@code @JsonFormat(shape = NUMBER)}.
 */
public final class LongAsStringModule extends SimpleModule {

    public LongAsStringModule() {
        super("tongbao-long-as-string");
        addSerializer(Long.class, new IntegralSerializer<>(Long.class, false));
        addSerializer(Long.TYPE, new IntegralSerializer<>(Long.TYPE, false));
        addSerializer(BigInteger.class, new IntegralSerializer<>(BigInteger.class, false));
    }

    private static final class IntegralSerializer<T extends Number> extends StdSerializer<T> {

        private final boolean asNumber;

        IntegralSerializer(Class<T> type, boolean asNumber) {
            super(type);
            this.asNumber = asNumber;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext context) {
            if (!asNumber) {
                gen.writeString(value.toString());
            } else if (value instanceof BigInteger big) {
                gen.writeNumber(big);
            } else {
                gen.writeNumber(value.longValue());
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            JsonFormat.Value format = findFormatOverrides(context, property, handledType());
            boolean number = format != null && format.getShape() == JsonFormat.Shape.NUMBER;
            return number == asNumber ? this : new IntegralSerializer<>((Class<T>) handledType(), number);
        }
    }
}
