package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void epochSecondsFromNumbersAndNumericStrings() {
        assertThat(TimeFormat.EPOCH_SECONDS.toEpochMillis(LongNode.valueOf(1511544070)))
                .hasValue(1_511_544_070_000L);
        assertThat(TimeFormat.EPOCH_SECONDS.toEpochMillis(TextNode.valueOf("1511544070")))
                .hasValue(1_511_544_070_000L);
        assertThat(
                        TimeFormat.EPOCH_SECONDS.toEpochMillis(
                                DecimalNode.valueOf(new BigDecimal("1.2345"))))
                .hasValue(1_234L);
    }

    @Test
    void epochMillisAsWritten() {
        assertThat(TimeFormat.EPOCH_MILLIS.toEpochMillis(LongNode.valueOf(1764772800123L)))
                .hasValue(1764772800123L);
    }

    @Test
    void isoInstantsWithZuluOrOffset() {
        long expected = Instant.parse("2015-01-01T00:00:01Z").toEpochMilli();

        assertThat(TimeFormat.ISO_8601.toEpochMillis(TextNode.valueOf("2015-01-01T00:00:01Z")))
                .hasValue(expected);
        assertThat(TimeFormat.ISO_8601.toEpochMillis(TextNode.valueOf("2015-01-01T01:00:01+01:00")))
                .hasValue(expected);
    }

    @Test
    void missingOrUnreadableValuesGiveNoTime() {
        assertThat(TimeFormat.EPOCH_MILLIS.toEpochMillis(MissingNode.getInstance())).isEmpty();
        assertThat(TimeFormat.EPOCH_MILLIS.toEpochMillis(NullNode.getInstance())).isEmpty();
        assertThat(TimeFormat.EPOCH_MILLIS.toEpochMillis(TextNode.valueOf("yesterday"))).isEmpty();
        assertThat(TimeFormat.ISO_8601.toEpochMillis(TextNode.valueOf("2015-01-01")))
                .isEqualTo(OptionalLong.empty());
        assertThat(TimeFormat.EPOCH_MILLIS.toEpochMillis(TextNode.valueOf("1e30"))).isEmpty();
    }
}
