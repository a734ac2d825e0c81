package io.eventpipe.stats.http;

import io.eventpipe.stats.service.StatsService;
import io.eventpipe.stats.store.Readiness;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Builds the Javalin application: routes, JSON mapping, error answers and request metrics.
 *
 * <p>Routes: {@code GET /stats}, {@code GET /stats/{type}}, {@code GET /health}, {@code GET
 * /ready}, {@code GET /metrics}. The API is read-only.
 */
public final class WebServer {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    // In-flight requests get this long to finish when the server stops.
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private WebServer() {}

    /** A configured, not yet started, application. */
    public static Javalin create(
            StatsService service,
            Supplier<Readiness> readiness,
            PrometheusMeterRegistry registry,
            Clock clock,
            Duration maxRange) {
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.jsonMapper(
                                    new JavalinJackson(JsonMapping.objectMapper(), false));
                            config.jetty.modifyServer(WebServer::stopGracefullyOnceStarted);
                        });
        new HttpMetrics(registry).install(app);
        ErrorMapping.install(app);
        StatsHandlers stats = new StatsHandlers(service, clock, maxRange);
        HealthHandlers health = new HealthHandlers(readiness);
        app.get("/stats", stats::overview);
        app.get("/stats/{type}", stats::series);
        app.get("/health", health::health);
        app.get("/ready", health::ready);
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        return app;
    }

    // Set only once started: a graceful stop of a server that failed to bind ends in Jetty's
    // "STOPPED" error, which replaces the bind error Javalin would otherwise report.
    private static void stopGracefullyOnceStarted(Server server) {
        server.addEventListener(
                new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarted(LifeCycle event) {
                        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                    }
                });
    }
}
