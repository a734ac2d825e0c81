package io.eventpipe.stats.http;

/** A query or path parameter is malformed or out of bounds; answered with 400. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String value, String accepted) {
        super(parameter + "='" + value + "' is invalid: expected " + accepted);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
