package io.eventpipe.stats.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Answers the requests Jetty rejects before they reach Javalin with the API's JSON error body
 * instead of Jetty's HTML page.
 *
 * <p>Jetty rejects a request while parsing it when its URI is malformed (bad percent-encoding, a
 * NUL or other control character), its request line or headers exceed the configured buffer (414,
 * 431), or it lacks a Host header. Such a request never reaches a route, so it is not counted in
 * the request metrics; Jetty closes the connection after answering.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    private final ObjectMapper mapper;

    JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiError error = ApiError.ofStatus(status, explain(status, reason));
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(error));
        } catch (JsonProcessingException e) { // a record of strings and an int always serializes
            throw new IllegalStateException("could not serialize " + error, e);
        }
    }

    private static String explain(int status, String reason) {
        return switch (status) {
            case 400 ->
                    "malformed request ("
                            + reason
                            + "): check the URI's percent-encoding"
                            + " (%XX with hexadecimal digits, UTF-8), control characters and the Host header";
            case 414 -> "the request URI with its query string is too long";
            case 431 -> "the request headers are too large";
            default -> reason == null ? "request rejected" : reason;
        };
    }
}
