package io.eventpipe.stats.http;

import io.eventpipe.stats.store.Readiness;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Liveness and readiness: {@code /health} is up while the process serves HTTP; {@code /ready} is
 * 200 only while Cassandra answers and the job's tables exist, 503 otherwise.
 */
final class HealthHandlers {

    private final Supplier<Readiness> readiness;

    HealthHandlers(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    void ready(Context ctx) {
        Readiness current = readiness.get();
        ctx.status(current.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.json(current);
    }
}
