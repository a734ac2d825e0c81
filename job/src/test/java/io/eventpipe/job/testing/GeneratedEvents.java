package io.eventpipe.job.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test input in the default event shape: valid events out of order within a bound, some sent twice,
 * mixed with malformed records, each remembered with what the job must make of it.
 *
 * <p>Seeded, so a failing run can be repeated; expectations are computed from these records by
 * {@link ExpectedAnalytics}, never written by hand.
 */
public final class GeneratedEvents {

    /** The event types of the default generator. */
    public static final List<String> TYPES =
            List.of("page_view", "click", "add_to_cart", "purchase", "search");

    /** One record to produce, with the event it holds, or the reason it must be rejected. */
    public record Produced(byte[] value, GeneratedEvent event, String invalidReason) {

        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    /** A valid event as the test knows it. */
    public record GeneratedEvent(String type, String userId, long time, String page, String id) {}

    private final Random random;
    private final List<Produced> produced = new ArrayList<>();
    private int nextId;

    public GeneratedEvents(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Adds {@code count} valid events spread evenly from {@code start} over {@code span} ms, each
     * up to {@code maxDisorderMillis} earlier than its place, every {@code duplicateEvery}th sent
     * twice.
     */
    public GeneratedEvents valid(
            int count, long start, long span, long maxDisorderMillis, int duplicateEvery) {
        for (int i = 0; i < count; i++) {
            long place = start + span * i / count;
            long time = Math.max(start, place - (long) (random.nextDouble() * maxDisorderMillis));
            Produced record = event(time);
            produced.add(record);
            if (duplicateEvery > 0 && i % duplicateEvery == duplicateEvery - 1) {
                produced.add(record);
            }
        }
        return this;
    }

    /** Adds one valid event at exactly {@code time}. */
    public GeneratedEvents validAt(long time) {
        produced.add(event(time));
        return this;
    }

    /** Adds one record of each kind the parser must reject, event times near {@code time}. */
    public GeneratedEvents malformed(long time, int maxEventBytes) {
        invalid("{\"type\":\"click\",\"user_id\":\"u-1\",\"ts\":" + time, "invalid-json");
        invalid("not json at all", "invalid-json");
        invalid(
                "{\"type\":\"click\",\"ts\":" + time + ",\"page\":\"/p\",\"event_id\":\"x1\"}",
                "missing-field:/user_id");
        invalid(
                "{\"type\":\"click\",\"user_id\":\"u-1\",\"ts\":\"yesterday\",\"page\":\"/p\",\"event_id\":\"x2\"}",
                "bad-time");
        invalid(
                "{\"type\":\"click me\",\"user_id\":\"u-1\",\"ts\":"
                        + time
                        + ",\"page\":\"/p\",\"event_id\":\"x3\"}",
                "bad-type");
        String padding = "x".repeat(maxEventBytes);
        invalid(
                "{\"type\":\"click\",\"user_id\":\"u-1\",\"ts\":"
                        + time
                        + ",\"page\":\"/p\",\"event_id\":\"x4\",\"pad\":\""
                        + padding
                        + "\"}",
                "oversize");
        return this;
    }

    public List<Produced> records() {
        return List.copyOf(produced);
    }

    private Produced event(long time) {
        String type = TYPES.get(random.nextInt(TYPES.size()));
        String user = "user-" + random.nextInt(400);
        // Squaring skews pages towards the first ones, so the top keys are well separated.
        double skew = random.nextDouble();
        String page = "/products/" + (int) (skew * skew * 30);
        String id = "ev-" + nextId++;
        GeneratedEvent event = new GeneratedEvent(type, user, time, page, id);
        String json =
                String.format(
                        "{\"event_id\":\"%s\",\"type\":\"%s\",\"user_id\":\"%s\",\"ts\":%d,\"page\":\"%s\"}",
                        id, type, user, time, page);
        return new Produced(json.getBytes(StandardCharsets.UTF_8), event, null);
    }

    private void invalid(String text, String reason) {
        produced.add(new Produced(text.getBytes(StandardCharsets.UTF_8), null, reason));
    }
}
