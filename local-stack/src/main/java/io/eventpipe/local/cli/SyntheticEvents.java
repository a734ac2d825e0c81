package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.commons.math3.distribution.EnumeratedDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.util.Pair;

/**
 * Makes synthetic events in the pipeline's default shape, e.g. {@code
 * {"event_id":"…","type":"page_view","user_id":"user-42","ts":1764772800123,"page":"/products/7"}}.
 *
 * <p>Types follow a shop-like mix (mostly page views, few purchases). Page popularity is Zipf
 * distributed (exponent {@value #PAGE_EXPONENT}) so a handful of product pages dominate, as on a
 * real site; user activity is mildly skewed too. Searches land on {@code /search}. The event time
 * is the clock's "now". The same seed gives the same sequence apart from the times. Not thread
 * safe: one instance per sending thread.
 */
final class SyntheticEvents {

    static final List<String> TYPES =
            List.of("page_view", "click", "add_to_cart", "purchase", "search");
    static final double PAGE_EXPONENT = 1.1;
    static final double USER_EXPONENT = 0.6;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RandomGenerator random;
    private final EnumeratedDistribution<String> types;
    private final ZipfDistribution pages;
    private final ZipfDistribution users;
    private final LongSupplier clockMillis;

    SyntheticEvents(int userCount, int pageCount, long seed, LongSupplier clockMillis) {
        this.random = new Well19937c(seed);
        this.types = new EnumeratedDistribution<>(random, typeWeights());
        this.pages = new ZipfDistribution(random, pageCount, PAGE_EXPONENT);
        this.users = new ZipfDistribution(random, userCount, USER_EXPONENT);
        this.clockMillis = clockMillis;
    }

    private static List<Pair<String, Double>> typeWeights() {
        return List.of(
                new Pair<>("page_view", 0.60),
                new Pair<>("click", 0.22),
                new Pair<>("search", 0.08),
                new Pair<>("add_to_cart", 0.07),
                new Pair<>("purchase", 0.03));
    }

    /** The next event, keyed by its user id so one user's events stay in order. */
    OutgoingEvent next() {
        String type = types.sample();
        String userId = "user-" + users.sample();
        ObjectNode event = MAPPER.createObjectNode();
        event.put("event_id", nextUuid().toString());
        event.put("type", type);
        event.put("user_id", userId);
        event.put("ts", clockMillis.getAsLong());
        event.put("page", type.equals("search") ? "/search" : "/products/" + pages.sample());
        // JsonNode.toString() is Jackson's own compact JSON serialization.
        return OutgoingEvent.untimed(userId, event.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A random (version 4) UUID drawn from the seeded generator, so seeded runs repeat. */
    private UUID nextUuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
