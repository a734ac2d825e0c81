package io.eventpipe.stats.http;

import io.eventpipe.stats.service.UnknownTypeException;
import io.eventpipe.stats.store.StoreUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into JSON error answers; no stack trace ever reaches a client.
 *
 * <ul>
 *   <li>{@link BadParameterException}: 400, naming the parameter and what it accepts;
 *   <li>{@link UnknownTypeException}: 404;
 *   <li>{@link StoreUnavailableException}: 503 with {@code Retry-After}, Cassandra is away;
 *   <li>{@link BadMessageException}, Jetty's answer to a query string that is not valid
 *       percent-encoded UTF-8: 400 {@code bad_request} (Jetty decodes the whole query at once, so
 *       no single parameter can be named);
 *   <li>Javalin's {@link MethodNotAllowedResponse} (a known path with another method): 405 with an
 *       {@code Allow} header listing the path's methods;
 *   <li>Javalin's other {@link HttpResponseException}s (no such endpoint): their status;
 *   <li>anything else: 500, logged with its stack trace.
 * </ul>
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private ErrorMapping() {}

    static void install(Javalin app) {
        app.exception(
                BadParameterException.class,
                (e, ctx) -> answer(ctx, HttpStatus.BAD_REQUEST, "bad_parameter", e, e.parameter()));
        app.exception(
                UnknownTypeException.class,
                (e, ctx) -> answer(ctx, HttpStatus.NOT_FOUND, "unknown_type", e, null));
        app.exception(StoreUnavailableException.class, ErrorMapping::unavailable);
        app.exception(Exception.class, ErrorMapping::unexpected);
        app.exception(HttpResponseException.class, ErrorMapping::javalinResponse);
        app.exception(MethodNotAllowedResponse.class, ErrorMapping::methodNotAllowed);
        app.exception(BadMessageException.class, ErrorMapping::undecodableQuery);
    }

    private static void unavailable(StoreUnavailableException e, Context ctx) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "cassandra_unavailable", e, null);
    }

    private static void unexpected(Exception e, Context ctx) {
        LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        ctx.json(new ApiError(500, "internal_error", "internal error, see the server log", null));
    }

    // Javalin's own answers (no such endpoint) get the same JSON shape.
    private static void javalinResponse(HttpResponseException e, Context ctx) {
        ctx.status(e.getStatus());
        ctx.json(ApiError.ofStatus(e.getStatus(), e.getMessage()));
    }

    // Javalin puts the path's methods in the single detail; its key depends on the Accept header.
    private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
        String allowed = String.join(", ", e.getDetails().values());
        ctx.header("Allow", allowed);
        ctx.status(HttpStatus.METHOD_NOT_ALLOWED);
        ctx.json(
                ApiError.ofStatus(
                        HttpStatus.METHOD_NOT_ALLOWED.getCode(),
                        // The request's own method name: Javalin calls unknown ones INVALID.
                        ctx.req().getMethod()
                                + " is not allowed on "
                                + ctx.path()
                                + ", only "
                                + allowed));
    }

    private static void undecodableQuery(BadMessageException e, Context ctx) {
        String cause = e.getCause() == null ? e.getReason() : e.getCause().getMessage();
        ctx.status(e.getCode());
        ctx.json(
                ApiError.ofStatus(
                        e.getCode(),
                        "the query string is not valid percent-encoded UTF-8 (" + cause + ")"));
    }

    private static void answer(
            Context ctx, HttpStatus status, String error, Exception e, String parameter) {
        ctx.status(status);
        ctx.json(new ApiError(status.getCode(), error, e.getMessage(), parameter));
    }
}
