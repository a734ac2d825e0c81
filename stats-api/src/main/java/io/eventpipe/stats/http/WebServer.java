package io.eventpipe.stats.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.stats.service.StatsService;
import io.eventpipe.stats.store.Readiness;
import io.javalin.Javalin;
import io.javalin.http.Handler;
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
 * /ready}, {@code GET /metrics}, each also for {@code HEAD}. The API is read-only: another method
 * on one of these paths gets 405 with an {@code Allow} header. Every error answer is JSON, those of
 * Jetty (malformed requests, 414, 431) included.
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
        ObjectMapper mapper = JsonMapping.objectMapper();
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.jsonMapper(new JavalinJackson(mapper, false));
                            config.http.prefer405over404 = true;
                            config.jetty.modifyServer(WebServer::stopGracefullyOnceStarted);
                            config.jetty.modifyServer(
                                    server -> server.setErrorHandler(new JsonErrorHandler(mapper)));
                        });
        new HttpMetrics(registry).install(app);
        ErrorMapping.install(app);
        StatsHandlers stats = new StatsHandlers(service, clock, maxRange);
        HealthHandlers health = new HealthHandlers(readiness);
        getAndHead(app, "/stats", stats::overview);
        getAndHead(app, "/stats/{type}", stats::series);
        getAndHead(app, "/health", health::health);
        getAndHead(app, "/ready", health::ready);
        getAndHead(
                app, "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        return app;
    }

    // Without its own HEAD route Javalin answers HEAD with an empty 200 whatever GET would answer;
    // running the GET handler gives HEAD GET's status and headers, and Jetty sends no body.
    private static void getAndHead(Javalin app, String path, Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
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
