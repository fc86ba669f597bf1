package org.bossa.identity.userdb;

/**
 * A message that breaks the varlink framing or call structure (too long, not UTF-8, not JSON, not
 * a call object). The connection it came on is closed: varlink has no request ids, so a reply
 * could not be tied to the broken message.
 */
public final class VarlinkProtocolException extends Exception {
    public VarlinkProtocolException(String message) {
        super(message, null, false, false);
    }
}
