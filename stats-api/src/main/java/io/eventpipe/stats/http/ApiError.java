package io.eventpipe.stats.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.HttpStatus;
import java.util.Locale;

/**
 * The JSON body of every error answer.
 *
 * @param error a stable machine-readable code, e.g. {@code bad_parameter}
 * @param message what went wrong, for a person
 * @param parameter the offending parameter, only for {@code bad_parameter}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String parameter) {

    /** An error whose code is the status's reason phrase in snake case, e.g. {@code not_found}. */
    static ApiError ofStatus(int status, String message) {
        String reason = HttpStatus.forStatus(status).getMessage();
        return new ApiError(
                status, reason.toLowerCase(Locale.ROOT).replace(' ', '_'), message, null);
    }
}
