package io.eventpipe.job.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.config.TimeFormat;
import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

    private static final FieldMapping DEFAULTS =
            new FieldMapping(
                    "/type",
                    "/user_id",
                    "/ts",
                    "/page",
                    "/event_id",
                    TimeFormat.EPOCH_MILLIS,
                    1024);

    private static RawEvent raw(String json) {
        return new RawEvent(json.getBytes(StandardCharsets.UTF_8), "events", 3, 42L);
    }

    private static ParseOutcome parse(FieldMapping mapping, String json) {
        return new EventParser(mapping).parse(raw(json));
    }

    private static String reasonOf(String json) {
        ParseOutcome outcome = parse(DEFAULTS, json);
        assertThat(outcome.isValid()).as("valid: %s", json).isFalse();
        return outcome.invalidReason();
    }

    @Test
    void defaultMappingReadsTheDefaultEventShape() {
        RawEvent source =
                raw(
                        "{\"event_id\":\"e-1\",\"type\":\"page_view\",\"user_id\":\"user-4211\","
                                + "\"ts\":1764772800123,\"page\":\"/products/42\"}");

        ParseOutcome outcome = new EventParser(DEFAULTS).parse(source);

        assertThat(outcome.event())
                .isEqualTo(
                        new ParsedEvent(
                                "page_view",
                                "user-4211",
                                1764772800123L,
                                "/products/42",
                                "e-1",
                                source));
    }

    @Test
    void nestedPointersAndOptionalFieldsOff() {
        FieldMapping mapping =
                new FieldMapping(
                        "/meta/kind",
                        "/who/id",
                        "/when",
                        null,
                        null,
                        TimeFormat.EPOCH_MILLIS,
                        1024);

        ParsedEvent event =
                parse(mapping, "{\"meta\":{\"kind\":\"click\"},\"who\":{\"id\":7},\"when\":5}")
                        .event();

        assertThat(event.eventType()).isEqualTo("click");
        assertThat(event.userId()).isEqualTo("7");
        assertThat(event.eventTime()).isEqualTo(5L);
        assertThat(event.key()).isNull();
        assertThat(event.eventId()).isNull();
    }

    @Test
    void pointerEscapesAndArrayIndexesAreJsonPointer() {
        FieldMapping mapping =
                new FieldMapping(
                        "/a~1b", "/users/1", "/t~0s", "/k", null, TimeFormat.EPOCH_MILLIS, 1024);

        ParsedEvent event =
                parse(mapping, "{\"a/b\":\"x\",\"users\":[\"u0\",\"u1\"],\"t~s\":9,\"k\":\"kk\"}")
                        .event();

        assertThat(event.eventType()).isEqualTo("x");
        assertThat(event.userId()).isEqualTo("u1");
        assertThat(event.eventTime()).isEqualTo(9L);
        assertThat(event.key()).isEqualTo("kk");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "epoch-millis  | 1764772800123          | 1764772800123",
                "epoch-millis  | \"1764772800123\"      | 1764772800123",
                "epoch-millis  | 1764772800123.9        | 1764772800123",
                "epoch-millis  | 0                      | 0",
                "epoch-seconds | 1764772800             | 1764772800000",
                "epoch-seconds | \"1764772800\"         | 1764772800000",
                "epoch-seconds | 1764772800.123         | 1764772800123",
                "epoch-seconds | \"1764772800.5\"       | 1764772800500",
                "iso-8601      | \"2025-12-03T14:40:00.123Z\"      | 1764772800123",
                "iso-8601      | \"2025-12-03T15:40:00.123+01:00\" | 1764772800123",
                "iso-8601      | \"2025-12-03T14:40:00Z\"          | 1764772800000",
            })
    void everyTimeFormatReadsNumbersStringsAndOffsets(String format, String ts, long expected) {
        FieldMapping mapping =
                new FieldMapping(
                        "/type",
                        "/user_id",
                        "/ts",
                        null,
                        null,
                        TimeFormat.fromOptionValue(format),
                        1024);

        ParseOutcome outcome =
                parse(mapping, "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":" + ts + "}");

        assertThat(outcome.event().eventTime()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "epoch-millis  | \"soon\"",
                "epoch-millis  | \"2025-12-03T14:40:00Z\"",
                "epoch-millis  | true",
                "epoch-millis  | {\"ms\":1}",
                "epoch-millis  | -1",
                "epoch-millis  | 1e30",
                "epoch-millis  | 1e400",
                "epoch-millis  | -1e400",
                "epoch-seconds | 1e400",
                "epoch-millis  | \"1e-99999999\"",
                "epoch-seconds | \"1e20000000\"",
                "epoch-seconds | \"\"",
                "epoch-seconds | 253402300800",
                "iso-8601      | 1764772800123",
                "iso-8601      | \"2025-12-03 14:40:00\"",
                "iso-8601      | \"2025-12-03T14:40:00\"",
                "iso-8601      | \"2025-13-03T14:40:00Z\"",
            })
    void unreadableTimesAreBadTime(String format, String ts) {
        FieldMapping mapping =
                new FieldMapping(
                        "/type",
                        "/user_id",
                        "/ts",
                        null,
                        null,
                        TimeFormat.fromOptionValue(format),
                        1024);

        ParseOutcome outcome =
                parse(mapping, "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":" + ts + "}");

        assertThat(outcome.invalidReason()).isEqualTo(InvalidReasons.BAD_TIME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"type\":\"click\"",
                "[{\"type\":\"click\"}]",
                "\"a string\"",
                "42",
                "null",
                "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"} x"
            })
    void notAJsonObjectIsInvalidJson(String value) {
        assertThat(reasonOf(value)).isEqualTo(InvalidReasons.INVALID_JSON);
    }

    @Test
    void keyLongerThanTheLimitIsABadField() {
        FieldMapping roomyRecords =
                new FieldMapping(
                        "/type",
                        "/user_id",
                        "/ts",
                        "/page",
                        null,
                        TimeFormat.EPOCH_MILLIS,
                        1 << 20);
        String longest = "p".repeat(EventParser.MAX_KEY_CHARS);
        String event = "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1,\"page\":\"%s\"}";

        ParseOutcome tooLong = parse(roomyRecords, event.formatted(longest + "p"));
        ParseOutcome atTheLimit = parse(roomyRecords, event.formatted(longest));

        assertThat(tooLong.invalidReason()).isEqualTo("bad-field:/page");
        assertThat(atTheLimit.event().key()).isEqualTo(longest);
    }

    @Test
    void tombstoneAndZeroLengthValueAreEmptyValueWhateverTheSizeLimit() {
        FieldMapping noRoomAtAll =
                new FieldMapping(
                        "/type", "/user_id", "/ts", null, null, TimeFormat.EPOCH_MILLIS, 0);
        RawEvent tombstone = new RawEvent(null, "events", 0, 1L, new byte[] {'k'});
        RawEvent zeroBytes = new RawEvent(new byte[0], "events", 0, 2L);

        for (FieldMapping mapping : new FieldMapping[] {DEFAULTS, noRoomAtAll}) {
            EventParser parser = new EventParser(mapping);
            assertThat(parser.parse(tombstone).invalidReason()).isEqualTo("empty-value");
            assertThat(parser.parse(zeroBytes).invalidReason()).isEqualTo("empty-value");
        }
    }

    @Test
    void whitespaceOnlyValueIsInvalidJsonNotEmpty() {
        assertThat(reasonOf("  \n")).isEqualTo(InvalidReasons.INVALID_JSON);
    }

    @Test
    void invalidUtf8IsInvalidJson() {
        byte[] bytes = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        ParseOutcome outcome = new EventParser(DEFAULTS).parse(new RawEvent(bytes, "t", 0, 0));

        assertThat(outcome.invalidReason()).isEqualTo(InvalidReasons.INVALID_JSON);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"user_id\":\"u\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"}           | /type",
                "{\"type\":null,\"user_id\":\"u\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"} | /type",
                "{\"type\":\"click\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"}          | /user_id",
                "{\"type\":\"click\",\"user_id\":\"\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"} | /user_id",
                "{\"type\":\"click\",\"user_id\":\"u\",\"page\":\"p\",\"event_id\":\"e\"}     | /ts",
                "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":null,\"page\":\"p\",\"event_id\":\"e\"} | /ts",
                "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1,\"event_id\":\"e\"}       | /page",
                "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1,\"page\":\"p\"}           | /event_id",
            })
    void missingMappedFieldNamesTheField(String json, String pointer) {
        assertThat(reasonOf(json)).isEqualTo("missing-field:" + pointer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":1}", "[\"u\"]", "true"})
    void nonScalarUserIsBadField(String user) {
        String json =
                "{\"type\":\"click\",\"user_id\":"
                        + user
                        + ",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"}";

        assertThat(reasonOf(json)).isEqualTo("bad-field:/user_id");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"\"",
                "\"page view\"",
                "\"page/view\"",
                "\"caf\u00e9\"",
                "\"a\\nb\"",
                "42",
                "{\"name\":\"click\"}",
                "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""
            })
    void typeOutsideTheAllowedAlphabetOrLengthIsBadType(String type) {
        String json =
                "{\"type\":"
                        + type
                        + ",\"user_id\":\"u\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"}";

        assertThat(reasonOf(json)).isEqualTo(InvalidReasons.BAD_TYPE);
    }

    @Test
    void typeOfSixtyFourAllowedCharactersIsValid() {
        String type = "Ab9_.:-".repeat(9) + "x";
        String json =
                "{\"type\":\""
                        + type
                        + "\",\"user_id\":\"u\",\"ts\":1,\"page\":\"p\",\"event_id\":\"e\"}";

        assertThat(type).hasSize(64);
        assertThat(parse(DEFAULTS, json).event().eventType()).isEqualTo(type);
    }

    @Test
    void recordLongerThanTheLimitIsOversizeEvenWhenValid() {
        FieldMapping small =
                new FieldMapping(
                        "/type", "/user_id", "/ts", null, null, TimeFormat.EPOCH_MILLIS, 40);
        String fits = "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1}";
        String tooLong = "{\"type\":\"click\",\"user_id\":\"u\",\"ts\":1,\"x\":\"0123\"}";

        assertThat(fits.length()).isLessThanOrEqualTo(40);
        assertThat(parse(small, fits).isValid()).isTrue();
        assertThat(tooLong.length()).isGreaterThan(40);
        assertThat(parse(small, tooLong).invalidReason()).isEqualTo(InvalidReasons.OVERSIZE);
    }

    @Test
    void unknownFieldsAndNumericIdsAreAccepted() {
        ParsedEvent event =
                parse(
                                DEFAULTS,
                                "{\"type\":\"click\",\"user_id\":12,\"ts\":1,\"page\":3,"
                                        + "\"event_id\":99,\"extra\":{\"a\":[1,2]}}")
                        .event();

        assertThat(event.userId()).isEqualTo("12");
        assertThat(event.key()).isEqualTo("3");
        assertThat(event.eventId()).isEqualTo("99");
    }
}
