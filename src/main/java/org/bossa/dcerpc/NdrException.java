package org.bossa.dcerpc;

/**
 * Undecodable NDR data: a length beyond the buffer, an inconsistent conformance or variance, a
 * string without room for its characters. The pipe turns it into a fault with
 * {@link FaultStatus#BAD_STUB_DATA}, or a bind_nak / protocol-error fault for PDU bodies.
 */
public final class NdrException extends RuntimeException {
    public NdrException(String message) {
        super(message);
    }
}
