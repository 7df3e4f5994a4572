package org.borderid.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The API's JSON mapper: strict on input (unknown fields, wrong types, numbers for enums and strings for numbers are
 * errors, not silently coerced) and compact on output (null members omitted).
 */
public final class Json {
    /** Deepest JSON nesting accepted (the API's documents are at most 4 levels deep). */
    public static final int MAX_NESTING = 32;

    private Json() {}

    /** A new mapper with the API's settings. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer
                    || t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Float, t == LogicalType.Float
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, t == LogicalType.Textual
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual
                    ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(Integer.MAX_VALUE) // the body size limit bounds strings (base64 images)
                .build());
        return mapper;
    }
}
