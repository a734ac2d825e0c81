package io.eventpipe.stats.http;

import io.eventpipe.stats.service.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses and bounds the request parameters of the stats endpoints.
 *
 * <p>Each failure is a {@link BadParameterException} naming the parameter and what it accepts.
 * Ranges are bounded so that one request reads a bounded number of partitions.
 */
final class QueryParameters {

    static final String FROM = "from";
    static final String TO = "to";
    static final String LIMIT = "limit";
    static final String BEFORE = "before";
    static final String TYPE = "type";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The range of a window series when the request names neither end. */
    static final Duration DEFAULT_SERIES_RANGE = Duration.ofDays(1);

    // Instants outside these bounds overflow the date arithmetic of a range and the driver's
    // millisecond timestamps; no analytics window lies outside them.
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Function<String, String> lookup;
    private final Instant now;
    private final Duration maxRange;

    /**
     * @param lookup the value of a query parameter by name, null when absent
     * @param now the time a missing {@code to} defaults to
     */
    QueryParameters(Function<String, String> lookup, Instant now, Duration maxRange) {
        this.lookup = lookup;
        this.now = now;
        this.maxRange = maxRange;
    }

    /** A range only if the request names one of its ends. */
    Optional<TimeRange> optionalRange() {
        if (lookup.apply(FROM) == null && lookup.apply(TO) == null) {
            return Optional.empty();
        }
        return Optional.of(range());
    }

    /** The requested range; {@code to} defaults to now, {@code from} to a day before {@code to}. */
    TimeRange range() {
        Instant to = instant(TO).orElse(now);
        Instant from = instant(FROM).orElse(to.minus(DEFAULT_SERIES_RANGE));
        if (!from.isBefore(to)) {
            throw new BadParameterException(FROM, from.toString(), "an instant before to=" + to);
        }
        if (Duration.between(from, to).compareTo(maxRange) > 0) {
            throw new BadParameterException(
                    TO,
                    to.toString(),
                    "at most " + DurationText.of(maxRange) + " after from=" + from);
        }
        return new TimeRange(from, to);
    }

    Optional<Instant> before() {
        return instant(BEFORE);
    }

    int limit() {
        String value = lookup.apply(LIMIT);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(LIMIT, value, "an integer from 1 to " + MAX_LIMIT);
    }

    /** Checks an event type name taken from the path. */
    static String typeName(String value) {
        if (!TYPE_NAME.matcher(value).matches()) {
            throw new BadParameterException(TYPE, value, "a name matching " + TYPE_NAME);
        }
        return value;
    }

    private Optional<Instant> instant(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    name, value, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadParameterException(
                    name, value, "an instant from " + EARLIEST + " to " + LATEST);
        }
        return Optional.of(instant);
    }
}
