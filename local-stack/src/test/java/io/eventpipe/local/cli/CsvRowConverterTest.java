package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvRowConverterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void rowBecomesFlatObjectInColumnOrderWithNumbersAndStrings() throws Exception {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("user_id", "1");
        row.put("item_id", "2268318");
        row.put("behavior", "pv");
        row.put("ts", "1511544070");

        String json = CsvRowConverter.toJson(row).toString();

        assertThat(json)
                .isEqualTo(
                        "{\"user_id\":1,\"item_id\":2268318,\"behavior\":\"pv\",\"ts\":1511544070}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "42", "9223372036854775807"})
    void integersThatFitALongBecomeLongs(String text) {
        JsonNode value = CsvRowConverter.valueOf(text);

        assertThat(value.isLong()).isTrue();
        assertThat(value.asText()).isEqualTo(text);
    }

    @Test
    void integersBeyondLongStayExact() {
        JsonNode value = CsvRowConverter.valueOf("123456789012345678901234567890");

        assertThat(value.bigIntegerValue())
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.50", "-0.25", "2e3", "6.02E+23"})
    void decimalsBecomeExactNumbers(String text) {
        JsonNode value = CsvRowConverter.valueOf(text);

        assertThat(value.isNumber()).isTrue();
        assertThat(value.decimalValue()).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "007", "+1", "1.", ".5", "NaN", " 5", "5 ", "0x1F", "user-1"})
    void anythingNotWrittenAsAJsonNumberStaysAString(String text) {
        JsonNode value = CsvRowConverter.valueOf(text);

        assertThat(value.isTextual()).isTrue();
        assertThat(value.textValue()).isEqualTo(text);
    }
}
