package io.eventpipe.job.config;

import com.datastax.driver.core.TypeCodec;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads and checks the {@code --replication} option, the CQL replication map of the keyspace, so
 * that a typo stops start-up naming the option rather than failing as a CQL error from Cassandra.
 *
 * <p>Accepted: {@code {'class': 'SimpleStrategy', 'replication_factor': N}} with N at least 1, or
 * {@code {'class': 'NetworkTopologyStrategy', '<datacenter>': N, ...}} with every N at least 0 and
 * one above 0 (a {@code 'replication_factor'} entry there is the factor of every datacenter not
 * named, as Cassandra 4 and later allow). The class may be given by its full name too. Factors are
 * whole numbers, quoted or not; transient replicas ({@code '3/1'}) and other strategies are not
 * accepted. Whether a named datacenter exists only Cassandra knows: it says so when the job creates
 * the keyspace at start-up.
 *
 * <p>The map is read as JSON with single quotes allowed (Jackson) and written back as canonical
 * CQL, so what reaches Cassandra is always a well-formed map literal.
 */
final class ReplicationMap {

    static final String ACCEPTED =
            "a CQL replication map, {'class': 'SimpleStrategy', 'replication_factor': <n>} or"
                    + " {'class': 'NetworkTopologyStrategy', '<datacenter>': <n>, ...}";

    private static final String CLASS = "class";
    private static final String FACTOR = "replication_factor";
    private static final String SIMPLE = "SimpleStrategy";
    private static final String NETWORK_TOPOLOGY = "NetworkTopologyStrategy";
    private static final String PACKAGE = "org.apache.cassandra.locator.";

    private static final ObjectMapper READER =
            JsonMapper.builder()
                    .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private ReplicationMap() {}

    /**
     * Returns {@code text} as canonical CQL.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static String canonical(String text) {
        Map<String, Object> entries = read(text);
        Object strategy = entries.remove(CLASS);
        if (!(strategy instanceof String name)) {
            throw new IllegalArgumentException("'class' must name the strategy");
        }
        Map<String, Integer> factors = new LinkedHashMap<>();
        entries.forEach((key, value) -> factors.put(key, factor(key, value)));
        switch (name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name) {
            case SIMPLE -> checkSimple(factors);
            case NETWORK_TOPOLOGY -> checkNetworkTopology(factors);
            default ->
                    throw new IllegalArgumentException(
                            "'class' must be " + SIMPLE + " or " + NETWORK_TOPOLOGY);
        }
        return render(name, factors);
    }

    private static Map<String, Object> read(String text) {
        try {
            Map<String, Object> entries =
                    READER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
            if (entries == null) {
                throw new IllegalArgumentException("not a map");
            }
            return entries;
        } catch (JacksonException unreadable) {
            throw new IllegalArgumentException("not a map of quoted keys to values");
        }
    }

    private static int factor(String key, Object value) {
        String digits = value instanceof Integer || value instanceof String ? value.toString() : "";
        if (key.isBlank() || !digits.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(
                    "'" + key + "' must be a datacenter or replication_factor with a whole number");
        }
        return Integer.parseInt(digits);
    }

    private static void checkSimple(Map<String, Integer> factors) {
        Integer factor = factors.get(FACTOR);
        if (factors.size() != 1 || factor == null || factor < 1) {
            throw new IllegalArgumentException(
                    SIMPLE + " takes only 'replication_factor', at least 1");
        }
    }

    private static void checkNetworkTopology(Map<String, Integer> factors) {
        if (factors.values().stream().noneMatch(factor -> factor > 0)) {
            throw new IllegalArgumentException(
                    NETWORK_TOPOLOGY + " needs a datacenter with a factor of at least 1");
        }
    }

    private static String render(String strategy, Map<String, Integer> factors) {
        StringJoiner cql = new StringJoiner(", ", "{", "}");
        cql.add(literal(CLASS) + ": " + literal(strategy));
        factors.forEach((key, factor) -> cql.add(literal(key) + ": " + factor));
        return cql.toString();
    }

    // The driver's own CQL text literal: quoted, with embedded quotes doubled.
    private static String literal(String text) {
        return TypeCodec.varchar().format(text);
    }
}
