package org.bossa.identity.winbind;

/** A winbindd request that does not follow the protocol: wrong length, oversized extra data, an unterminated string. */
public final class WinbindFormatException extends Exception {
    public WinbindFormatException(String message) {
        super(message, null, false, false);
    }
}
