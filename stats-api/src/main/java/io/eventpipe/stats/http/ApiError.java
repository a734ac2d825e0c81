package io.eventpipe.stats.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer.
 *
 * @param error a stable machine-readable code, e.g. {@code bad_parameter}
 * @param message what went wrong, for a person
 * @param parameter the offending parameter, only for {@code bad_parameter}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String parameter) {}
