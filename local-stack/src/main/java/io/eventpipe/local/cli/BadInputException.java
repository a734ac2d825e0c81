package io.eventpipe.local.cli;

import java.io.IOException;

/** A replay file that cannot be read as the chosen format; the message says where and why. */
final class BadInputException extends IOException {

    BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
