package io.eventpipe.stats.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The service's configuration, read once from environment variables at start-up.
 *
 * <p>Every variable has a default suited to a laptop running {@code ./pipeline up}. A malformed
 * value stops start-up with a {@link ConfigException} naming the variable and what it accepts;
 * nothing is silently replaced by a default. ENV.md beside the module's pom lists the variables.
 *
 * @param host address the HTTP server binds to
 * @param port HTTP port
 * @param contactPoints Cassandra nodes to bootstrap from
 * @param localDatacenter the Cassandra datacenter whose nodes are queried
 * @param keyspace the keyspace the job writes to
 * @param username Cassandra user, empty for no authentication
 * @param password Cassandra password, present exactly when the username is
 * @param queryTimeout how long one Cassandra request may take before the client gets a 503
 * @param maxRange the longest from/to range a request may ask for
 */
public record StatsApiConfig(
        String host,
        int port,
        List<InetSocketAddress> contactPoints,
        String localDatacenter,
        String keyspace,
        Optional<String> username,
        Optional<String> password,
        Duration queryTimeout,
        Duration maxRange) {

    public static final String HOST = "STATS_API_HOST";
    public static final String PORT = "STATS_API_PORT";
    public static final String MAX_RANGE = "STATS_API_MAX_RANGE";
    public static final String CONTACT_POINTS = "CASSANDRA_CONTACT_POINTS";
    public static final String LOCAL_DATACENTER = "CASSANDRA_LOCAL_DATACENTER";
    public static final String KEYSPACE = "CASSANDRA_KEYSPACE";
    public static final String USERNAME = "CASSANDRA_USERNAME";
    public static final String PASSWORD = "CASSANDRA_PASSWORD";
    public static final String QUERY_TIMEOUT = "CASSANDRA_QUERY_TIMEOUT";

    private static final int DEFAULT_CQL_PORT = 9042;
    // A year of one-minute windows is already about half a million rows per type for one request;
    // a longer range would let a single query tie up the service and Cassandra.
    private static final Duration LONGEST_MAX_RANGE = Duration.ofDays(366);
    // Keyspace names are spliced into CQL text (they cannot be bind markers), so only plain
    // identifiers are accepted.
    private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    /** Reads the configuration from the given variables (normally {@code System.getenv()}). */
    public static StatsApiConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = new EnvReader(env);
        Optional<String> username = reader.optional(USERNAME);
        Optional<String> password = reader.optional(PASSWORD);
        if (username.isPresent() != password.isPresent()) {
            String missing = username.isPresent() ? PASSWORD : USERNAME;
            throw new ConfigException(missing, "", "set together with " + otherOf(missing));
        }
        return new StatsApiConfig(
                reader.text(HOST, "127.0.0.1"),
                reader.port(PORT, 8080),
                contactPoints(reader.text(CONTACT_POINTS, "127.0.0.1:9042")),
                reader.text(LOCAL_DATACENTER, "datacenter1"),
                reader.matching(KEYSPACE, "analytics", KEYSPACE_NAME),
                username,
                password,
                reader.duration(QUERY_TIMEOUT, Duration.ofSeconds(2), Duration.ofMinutes(10)),
                reader.duration(MAX_RANGE, Duration.ofDays(31), LONGEST_MAX_RANGE));
    }

    /** The contact points as {@code host:port,host:port}. */
    public String contactPointList() {
        return String.join(
                ",",
                contactPoints.stream().map(p -> p.getHostString() + ":" + p.getPort()).toList());
    }

    /** A readable form without the password. */
    @Override
    public String toString() {
        return "StatsApiConfig{http="
                + host
                + ":"
                + port
                + ", cassandra="
                + contactPointList()
                + ", datacenter="
                + localDatacenter
                + ", keyspace="
                + keyspace
                + ", user="
                + username.orElse("(none)")
                + ", queryTimeout="
                + queryTimeout
                + ", maxRange="
                + maxRange
                + "}";
    }

    private static String otherOf(String variable) {
        return variable.equals(USERNAME) ? PASSWORD : USERNAME;
    }

    static List<InetSocketAddress> contactPoints(String value) {
        List<InetSocketAddress> points = new ArrayList<>();
        for (String entry : value.split(",")) {
            points.add(contactPoint(entry.trim(), value));
        }
        return List.copyOf(points);
    }

    private static InetSocketAddress contactPoint(String entry, String whole) {
        String accepted = "a comma-separated list of host or host:port (port 1-65535)";
        int colon = entry.lastIndexOf(':');
        String host = colon < 0 ? entry : entry.substring(0, colon);
        if (host.isBlank()) {
            throw new ConfigException(CONTACT_POINTS, whole, accepted);
        }
        try {
            int port = colon < 0 ? DEFAULT_CQL_PORT : Integer.parseInt(entry.substring(colon + 1));
            return InetSocketAddress.createUnresolved(host, port);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CONTACT_POINTS, whole, accepted);
        }
    }

    /** Reads typed values from the variables, naming the variable on a bad value. */
    private record EnvReader(Map<String, String> env) {

        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        String text(String name, String defaultValue) {
            return optional(name).orElse(defaultValue);
        }

        String matching(String name, String defaultValue, Pattern pattern) {
            String value = text(name, defaultValue);
            if (!pattern.matcher(value).matches()) {
                throw new ConfigException(name, value, "a name matching " + pattern.pattern());
            }
            return value;
        }

        int port(String name, int defaultValue) {
            String value = text(name, Integer.toString(defaultValue));
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ConfigException(name, value, "a port number 0-65535 (0 picks a free one)");
        }

        Duration duration(String name, Duration defaultValue, Duration longest) {
            String value = text(name, defaultValue.toString());
            try {
                Duration duration = Duration.parse(value);
                if (!duration.isNegative()
                        && !duration.isZero()
                        && duration.compareTo(longest) <= 0) {
                    return duration;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw new ConfigException(
                    name,
                    value,
                    "a positive ISO-8601 duration such as PT2S or P31D, at most " + iso(longest));
        }

        // Duration.toString never writes days (P366D reads back as PT8784H).
        private static String iso(Duration duration) {
            return duration.toSeconds() % 86_400 == 0
                    ? "P" + duration.toDays() + "D"
                    : duration.toString();
        }
    }
}
