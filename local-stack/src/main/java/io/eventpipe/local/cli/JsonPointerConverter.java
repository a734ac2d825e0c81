package io.eventpipe.local.cli;

import com.fasterxml.jackson.core.JsonPointer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a field path written as a JSON Pointer (RFC 6901), e.g. {@code /actor/login}. */
final class JsonPointerConverter implements ITypeConverter<JsonPointer> {

    @Override
    public JsonPointer convert(String value) {
        if (!value.startsWith("/")) {
            throw new TypeConversionException(
                    "expected a JSON Pointer such as /user_id but was '" + value + "'");
        }
        try {
            return JsonPointer.compile(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "expected a JSON Pointer such as /user_id but was '" + value + "'");
        }
    }
}
