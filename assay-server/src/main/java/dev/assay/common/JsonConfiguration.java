package dev.assay.common;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON binding that never coerces: a number where a string is expected, a string where a number
 * is expected or a fraction where an integer is expected is a 400, not a silent conversion
 * (docs/reference/galtea-contract.md §9.1). Unknown properties are ignored so newer clients keep working, and
 * integral doubles are written without a fraction (§9.6).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictCoercion() {
        return builder -> builder
                .addModule(new SimpleModule("integral-doubles")
                        .addSerializer(Double.class, new IntegralDoubleSerializer())
                        .addSerializer(Double.TYPE, new IntegralDoubleSerializer()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Collection, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.POJO, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * The API reads and writes JSON through {@link WholeJsonConverter}: whole request bodies
     * checked for lone surrogates, whole response bodies serialized before the status is sent.
     */
    @Bean
    WebMvcConfigurer wholeJsonBodies(JsonMapper json) {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter
                        ? new WholeJsonConverter(json)
                        : converter);
            }
        };
    }

    /**
     * Writes an integral double without a fraction ({@code 150}, not {@code 150.0}): every numeric
     * field received as an integral float is emitted that way (docs/reference/galtea-contract.md §9.6).
     */
    static final class IntegralDoubleSerializer extends StdSerializer<Double> {
        /** Above this a double no longer holds every integer exactly, so it keeps its own form. */
        private static final double LARGEST_EXACT = 1e15;

        IntegralDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            double number = value;
            if (number == Math.rint(number) && Math.abs(number) < LARGEST_EXACT) {
                generator.writeNumber((long) number);
                return;
            }
            generator.writeNumber(number);
        }
    }
}
