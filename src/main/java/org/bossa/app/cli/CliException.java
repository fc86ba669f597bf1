package org.bossa.app.cli;

/** A command failed because of what the user asked for; the message is shown as one line, exit code 1. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }
}
