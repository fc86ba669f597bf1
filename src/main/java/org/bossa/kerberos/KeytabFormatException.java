package org.bossa.kerberos;

/** A keytab file that is not in the MIT format version 0x0502, or whose lengths do not add up. */
public final class KeytabFormatException extends Exception {
    public KeytabFormatException(String message) {
        super(message);
    }
}
