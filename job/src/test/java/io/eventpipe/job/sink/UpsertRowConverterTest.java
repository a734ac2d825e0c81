package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.TypeTotals;
import org.junit.jupiter.api.Test;

class UpsertRowConverterTest {

    @Test
    void writeTimestampsStrictlyIncreaseEvenWithinOneMillisecond() {
        UpsertRowConverter<TypeTotals> converter = new UpsertRowConverter<>(new TypeTotalsUpsert());
        long before = System.currentTimeMillis() * 1_000;

        long previous = converter.apply(WriterFixture.row("click", 1), null).writeTimeMicros();
        assertThat(previous).isGreaterThanOrEqualTo(before);
        for (int i = 0; i < 10_000; i++) {
            long next = converter.apply(WriterFixture.row("click", i), null).writeTimeMicros();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }
}
