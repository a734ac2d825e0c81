package io.eventpipe.stats.config;

/** A configuration variable is missing or malformed; the message names it and what it accepts. */
public class ConfigException extends RuntimeException {

    public ConfigException(String variable, String value, String accepted) {
        super(variable + "='" + value + "' is invalid: expected " + accepted);
    }
}
