package org.bossa.identity.userdb;

/** Text that is not a JSON value of the subset this package reads (or is deeper or longer than allowed). */
public final class JsonException extends Exception {
    public JsonException(String message) {
        super(message, null, false, false);
    }
}
