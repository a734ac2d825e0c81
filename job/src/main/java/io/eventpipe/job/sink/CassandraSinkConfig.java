package io.eventpipe.job.sink;

import com.datastax.driver.core.ConsistencyLevel;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link CassandraUpsertSink} writes: the cluster, the keyspace, the credentials and
 * the batching, backpressure and retry limits.
 *
 * <p>Immutable and validated when built: a bad value fails at job start-up with a message naming
 * its key and what is accepted, never later on a task manager. Serializable because the sink ships
 * it to every writer. Credentials come from options or from the environment ({@link
 * Builder#credentialsFromEnvironment(Map)}); {@link #toString()} never shows the password.
 */
public final class CassandraSinkConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Environment variable read by {@link Builder#credentialsFromEnvironment(Map)}. */
    public static final String USERNAME_ENV = "CASSANDRA_USERNAME";

    /** Environment variable read by {@link Builder#credentialsFromEnvironment(Map)}. */
    public static final String PASSWORD_ENV = "CASSANDRA_PASSWORD";

    /**
     * Cassandra's own limit on keyspace names; quoting is not supported on purpose, so a reserved
     * word ({@link CqlReservedWords}) is refused too.
     */
    public static final Pattern KEYSPACE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

    /** The largest {@link Builder#maxBatchRows(int)}. */
    public static final int MAX_BATCH_ROWS_LIMIT = 10_000;

    /** The largest {@link Builder#maxInFlightRequests(int)}. */
    public static final int MAX_IN_FLIGHT_LIMIT = 1_000;

    /** The largest {@link Builder#maxRetries(int)}. */
    public static final int MAX_RETRIES_LIMIT = 1_000;

    /**
     * The names of the consistency levels a plain upsert accepts: the serial levels are for
     * lightweight transactions only.
     */
    public static final List<String> WRITE_CONSISTENCY_LEVELS =
            Arrays.stream(ConsistencyLevel.values())
                    .filter(level -> !level.isSerial())
                    .map(Enum::name)
                    .toList();

    private final List<String> contactPoints;
    private final int port;
    private final String localDatacenter;
    private final String keyspace;
    private final String username;
    private final String password;
    private final int maxBatchRows;
    private final Duration flushInterval;
    private final int maxInFlightRequests;
    private final int maxRetries;
    private final Duration retryInitialBackoff;
    private final Duration retryMaxBackoff;
    private final String consistencyLevel;

    private CassandraSinkConfig(Builder builder) {
        this.contactPoints = List.copyOf(builder.contactPoints);
        this.port = builder.port;
        this.localDatacenter = builder.localDatacenter;
        this.keyspace = builder.keyspace;
        this.username = builder.username;
        this.password = builder.password;
        this.maxBatchRows = builder.maxBatchRows;
        this.flushInterval = builder.flushInterval;
        this.maxInFlightRequests = builder.maxInFlightRequests;
        this.maxRetries = builder.maxRetries;
        this.retryInitialBackoff = builder.retryInitialBackoff;
        this.retryMaxBackoff = builder.retryMaxBackoff;
        this.consistencyLevel = builder.consistencyLevel;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> contactPoints() {
        return contactPoints;
    }

    public int port() {
        return port;
    }

    public String localDatacenter() {
        return localDatacenter;
    }

    public String keyspace() {
        return keyspace;
    }

    /** The user name, or null when the cluster needs no authentication. */
    public String username() {
        return username;
    }

    /** The password, or null when the cluster needs no authentication. */
    public String password() {
        return password;
    }

    public int maxBatchRows() {
        return maxBatchRows;
    }

    public Duration flushInterval() {
        return flushInterval;
    }

    public int maxInFlightRequests() {
        return maxInFlightRequests;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration retryInitialBackoff() {
        return retryInitialBackoff;
    }

    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    /** The name of a {@link ConsistencyLevel}, validated. */
    public String consistencyLevel() {
        return consistencyLevel;
    }

    /** The longest a write can keep retrying before it fails the job: every backoff at its max. */
    public Duration worstCaseRetryTime() {
        return retryMaxBackoff.multipliedBy(maxRetries + 1L);
    }

    @Override
    public String toString() {
        return "CassandraSinkConfig{contactPoints="
                + contactPoints
                + ", port="
                + port
                + ", localDatacenter="
                + localDatacenter
                + ", keyspace="
                + keyspace
                + ", username="
                + (username == null ? "(none)" : username)
                + ", password="
                + (password == null ? "(none)" : "****")
                + ", maxBatchRows="
                + maxBatchRows
                + ", flushInterval="
                + flushInterval
                + ", maxInFlightRequests="
                + maxInFlightRequests
                + ", maxRetries="
                + maxRetries
                + ", retryBackoff="
                + retryInitialBackoff
                + ".."
                + retryMaxBackoff
                + ", consistencyLevel="
                + consistencyLevel
                + "}";
    }

    /** Builds a {@link CassandraSinkConfig}; every option has a default except none. */
    public static final class Builder {
        private List<String> contactPoints = List.of("127.0.0.1");
        private int port = 9042;
        private String localDatacenter = "datacenter1";
        private String keyspace = "analytics";
        private String username;
        private String password;
        private int maxBatchRows = 100;
        private Duration flushInterval = Duration.ofSeconds(1);
        private int maxInFlightRequests = 4;
        private int maxRetries = 10;
        private Duration retryInitialBackoff = Duration.ofMillis(100);
        private Duration retryMaxBackoff = Duration.ofSeconds(10);
        private String consistencyLevel = ConsistencyLevel.LOCAL_QUORUM.name();

        private Builder() {}

        /** Host names or IP addresses of some Cassandra nodes; default 127.0.0.1. */
        public Builder contactPoints(List<String> contactPoints) {
            this.contactPoints = contactPoints;
            return this;
        }

        /** The CQL native port of every contact point; default 9042. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The data center whose nodes are queried; default datacenter1. */
        public Builder localDatacenter(String localDatacenter) {
            this.localDatacenter = localDatacenter;
            return this;
        }

        /** The keyspace of the analytics tables; default analytics. */
        public Builder keyspace(String keyspace) {
            this.keyspace = keyspace;
            return this;
        }

        /** The user name; default none (no authentication). */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** The password; default none (no authentication). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets username and password from {@value #USERNAME_ENV} and {@value #PASSWORD_ENV} when
         * both are present in {@code environment} (pass {@code System.getenv()}).
         */
        public Builder credentialsFromEnvironment(Map<String, String> environment) {
            if (environment.containsKey(USERNAME_ENV) && environment.containsKey(PASSWORD_ENV)) {
                this.username = environment.get(USERNAME_ENV);
                this.password = environment.get(PASSWORD_ENV);
            }
            return this;
        }

        /** Rows per write request, the size that triggers a flush; default 100. */
        public Builder maxBatchRows(int maxBatchRows) {
            this.maxBatchRows = maxBatchRows;
            return this;
        }

        /** The longest a row waits in the buffer before a flush; default 1 s. */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        /** Write requests in flight per writer before writes block (backpressure); default 4. */
        public Builder maxInFlightRequests(int maxInFlightRequests) {
            this.maxInFlightRequests = maxInFlightRequests;
            return this;
        }

        /** Retries of a transiently failing write before the job fails; default 10. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** First and longest pause between retries (exponential backoff); default 100 ms, 10 s. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryInitialBackoff = initial;
            this.retryMaxBackoff = max;
            return this;
        }

        /** The consistency level of every write; default LOCAL_QUORUM. */
        public Builder consistencyLevel(String consistencyLevel) {
            this.consistencyLevel = consistencyLevel;
            return this;
        }

        /** Validates every option and builds the immutable config. */
        public CassandraSinkConfig build() {
            new CassandraSinkConfigValidator(this).validate();
            return new CassandraSinkConfig(this);
        }
    }

    /** The checks of {@link Builder#build()}, kept apart so the builder stays a plain list. */
    private static final class CassandraSinkConfigValidator {
        private final Builder b;

        CassandraSinkConfigValidator(Builder builder) {
            this.b = builder;
        }

        void validate() {
            require(
                    b.contactPoints != null
                            && !b.contactPoints.isEmpty()
                            && b.contactPoints.stream()
                                    .allMatch(CassandraSinkConfigValidator::hasText),
                    "contactPoints",
                    "a non-empty list of host names or IP addresses",
                    b.contactPoints);
            require(b.port >= 1 && b.port <= 65535, "port", "1..65535", b.port);
            require(
                    hasText(b.localDatacenter),
                    "localDatacenter",
                    "a data center name",
                    b.localDatacenter);
            require(
                    b.keyspace != null
                            && KEYSPACE_NAME.matcher(b.keyspace).matches()
                            && !CqlReservedWords.isReserved(b.keyspace),
                    "keyspace",
                    "a letter then up to 47 letters, digits or underscores, not a CQL reserved"
                            + " word",
                    b.keyspace);
            require(
                    (b.username == null) == (b.password == null),
                    "username/password",
                    "both or neither",
                    b.username == null ? "password only" : "username only");
            require(
                    b.maxBatchRows >= 1 && b.maxBatchRows <= MAX_BATCH_ROWS_LIMIT,
                    "maxBatchRows",
                    "1.." + MAX_BATCH_ROWS_LIMIT,
                    b.maxBatchRows);
            requirePositive(b.flushInterval, "flushInterval");
            require(
                    b.maxInFlightRequests >= 1 && b.maxInFlightRequests <= MAX_IN_FLIGHT_LIMIT,
                    "maxInFlightRequests",
                    "1.." + MAX_IN_FLIGHT_LIMIT,
                    b.maxInFlightRequests);
            require(
                    b.maxRetries >= 0 && b.maxRetries <= MAX_RETRIES_LIMIT,
                    "maxRetries",
                    "0.." + MAX_RETRIES_LIMIT,
                    b.maxRetries);
            requirePositive(b.retryInitialBackoff, "retryInitialBackoff");
            requirePositive(b.retryMaxBackoff, "retryMaxBackoff");
            require(
                    b.retryMaxBackoff.compareTo(b.retryInitialBackoff) > 0,
                    "retryMaxBackoff",
                    "longer than retryInitialBackoff " + b.retryInitialBackoff,
                    b.retryMaxBackoff);
            require(
                    WRITE_CONSISTENCY_LEVELS.contains(b.consistencyLevel),
                    "consistencyLevel",
                    "one of " + WRITE_CONSISTENCY_LEVELS,
                    b.consistencyLevel);
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }

        private static void requirePositive(Duration value, String key) {
            require(
                    value != null && !value.isNegative() && !value.isZero(),
                    key,
                    "a positive duration",
                    value);
        }

        private static void require(boolean valid, String key, String accepted, Object actual) {
            if (!valid) {
                throw new IllegalArgumentException(
                        "Invalid Cassandra sink option '"
                                + key
                                + "': got "
                                + Objects.toString(actual)
                                + ", expected "
                                + accepted);
            }
        }
    }
}
