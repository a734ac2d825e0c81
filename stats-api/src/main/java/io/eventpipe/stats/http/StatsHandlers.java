package io.eventpipe.stats.http;

import io.eventpipe.stats.service.StatsService;
import io.eventpipe.stats.service.TimeRange;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;

/** The {@code /stats} endpoints: parse the request, ask the service, write JSON. */
final class StatsHandlers {

    private final StatsService service;
    private final Clock clock;
    private final Duration maxRange;

    StatsHandlers(StatsService service, Clock clock, Duration maxRange) {
        this.service = service;
        this.clock = clock;
        this.maxRange = maxRange;
    }

    /** {@code GET /stats[?from=&to=]}. */
    void overview(Context ctx) {
        ctx.json(service.overview(parameters(ctx).optionalRange()));
    }

    /** {@code GET /stats/{type}[?from=&to=&limit=&before=]}. */
    void series(Context ctx) {
        String type = QueryParameters.typeName(ctx.pathParam(QueryParameters.TYPE));
        QueryParameters parameters = parameters(ctx);
        TimeRange range = parameters.range();
        ctx.json(service.windows(type, range, parameters.before(), parameters.limit()));
    }

    // Jetty's own parameter decoding: Javalin's drops a value it cannot decode (from=%ZZ would
    // silently mean "no from"), Jetty's throws, which ErrorMapping answers with 400.
    private QueryParameters parameters(Context ctx) {
        return new QueryParameters(name -> singleValue(ctx, name), clock.instant(), maxRange);
    }

    // A repeated parameter (from=a&from=b) is refused: picking one of its values would answer a
    // question the client may not have meant.
    private static String singleValue(Context ctx, String name) {
        String[] values = ctx.req().getParameterValues(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new BadParameterException(
                    name, String.join("', '", values), "one value, not " + values.length);
        }
        return values[0];
    }
}
