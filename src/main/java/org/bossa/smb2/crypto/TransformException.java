package org.bossa.smb2.crypto;

/**
 * An SMB2 TRANSFORM_HEADER message could not be decoded or did not authenticate. The message says why in a few
 * words; it never contains key material or plaintext. MS-SMB2 3.3.5.2.1: the server disconnects the
 * connection on a malformed or unauthentic transform message.
 */
public final class TransformException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransformException(String reason) {
        super(reason);
    }

    public TransformException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
