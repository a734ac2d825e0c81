package io.eventpipe.job.sink;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words CQL reserves, which Cassandra refuses as unquoted names, such as a keyspace called
 * {@code select}.
 *
 * <p>The list is {@code cql/reserved_keywords.txt}, a copy of the file Cassandra 5.0.6 itself reads
 * (the DataStax driver 3.x on the classpath has an older list that lacks words such as {@code view}
 * and {@code materialized}). Keywords are case-insensitive, as in CQL.
 */
public final class CqlReservedWords {

    static final String RESOURCE = "/cql/reserved_keywords.txt";

    private static final Set<String> RESERVED = read();

    private CqlReservedWords() {}

    /** Whether {@code word}, in any case, is a reserved CQL keyword. */
    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toUpperCase(Locale.ROOT));
    }

    static Set<String> all() {
        return RESERVED;
    }

    private static Set<String> read() {
        return ClasspathText.read(RESOURCE)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
    }
}
