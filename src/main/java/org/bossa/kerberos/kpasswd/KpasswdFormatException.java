package org.bossa.kerberos.kpasswd;

/** A kpasswd message whose framing or fields do not parse. */
public final class KpasswdFormatException extends Exception {
    public KpasswdFormatException(String message) {
        super(message);
    }
}
