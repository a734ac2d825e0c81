package io.eventpipe.stats.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every HTTP request into {@code http_server_requests_seconds}, a histogram tagged by method,
 * route template and status.
 *
 * <p>The route is the matched template ({@code /stats/{type}}), never the raw path, so the number
 * of series stays bounded. Javalin names no template for a request whose path matches a route but
 * whose method does not (answered 405), so those share the route {@code method_not_allowed};
 * requests whose path matches no route share {@code unmatched}.
 */
final class HttpMetrics {

    private static final String SAMPLE = HttpMetrics.class.getName() + ".sample";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void install(Javalin app) {
        app.before(ctx -> ctx.attribute(SAMPLE, Timer.start(registry)));
        app.after(this::record);
    }

    private void record(Context ctx) {
        Timer.Sample sample = ctx.attribute(SAMPLE);
        if (sample == null) {
            return;
        }
        Timer timer =
                Timer.builder("http.server.requests")
                        .description("HTTP requests served by stats-api")
                        .tag("method", ctx.method().name())
                        .tag("route", route(ctx))
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .publishPercentileHistogram()
                        .register(registry);
        sample.stop(timer);
    }

    private static String route(Context ctx) {
        // Javalin reports no endpoint as a sentence rather than a path template.
        String template = ctx.endpointHandlerPath();
        if (template.startsWith("/")) {
            return template;
        }
        return ctx.status() == HttpStatus.METHOD_NOT_ALLOWED ? "method_not_allowed" : "unmatched";
    }
}
