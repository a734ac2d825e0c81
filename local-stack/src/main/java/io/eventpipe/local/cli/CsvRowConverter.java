package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one CSV row (column name to text, as Jackson's CSV module reads it) into a flat JSON object
 * with the columns in file order.
 *
 * <p>A value written exactly like a JSON number ({@code 42}, {@code -7}, {@code 1.50}, {@code 2e3})
 * becomes that number, so epoch times and ids stay numeric; every other value stays a string,
 * including ones a looser reading would change: {@code 007}, {@code +1}, {@code 1.}, {@code NaN},
 * {@code " 5"} and the empty string. Numbers are exact (no float rounding).
 */
final class CsvRowConverter {

    /** The JSON number grammar (RFC 8259, section 6). */
    private static final Pattern JSON_NUMBER =
            Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private static final Pattern JSON_INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");

    private CsvRowConverter() {}

    static ObjectNode toJson(JsonNode row) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> column : row.properties()) {
            json.set(column.getKey(), valueOf(column.getValue().asText()));
        }
        return json;
    }

    static JsonNode valueOf(String text) {
        if (JSON_INTEGER.matcher(text).matches()) {
            BigInteger integer = new BigInteger(text);
            return integer.bitLength() < Long.SIZE
                    ? LongNode.valueOf(integer.longValue())
                    : BigIntegerNode.valueOf(integer);
        }
        if (JSON_NUMBER.matcher(text).matches()) {
            return DecimalNode.valueOf(new BigDecimal(text));
        }
        return TextNode.valueOf(text);
    }
}
