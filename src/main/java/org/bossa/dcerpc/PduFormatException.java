package org.bossa.dcerpc;

/**
 * A PDU that does not decode: a header other than version 5.0 little-endian, a frag_length that
 * disagrees with the bytes, an auth_length that does not fit, a context list that runs past the
 * fragment. The pipe answers a BIND with a bind_nak and anything else with a protocol-error fault.
 */
public final class PduFormatException extends Exception {
    public PduFormatException(String message) {
        super(message);
    }
}
