package org.bossa.dcerpc;

import java.util.UUID;

/**
 * One DCE/RPC interface served on a named pipe. The pipe has decoded the PDUs, reassembled the
 * request fragments and checked that the presentation context is bound to this interface with NDR
 * 2.0; the implementation decodes the request stub, runs the operation and returns the encoded
 * response stub.
 */
public interface RpcInterface {
    /** The interface UUID (the abstract syntax). */
    UUID uuid();

    int versionMajor();

    int versionMinor();

    /**
     * Runs operation {@code opnum}. Throws {@link RpcFault} with {@link FaultStatus#OP_RNG_ERROR} for an
     * operation it does not implement; may throw {@link NdrException} for an undecodable stub, which
     * the pipe answers with {@link FaultStatus#BAD_STUB_DATA}.
     */
    byte[] invoke(int opnum, byte[] stub, RpcCallContext ctx) throws RpcFault;

    /** The abstract syntax this interface answers to. */
    default SyntaxId syntax() {
        return new SyntaxId(uuid(), versionMajor(), versionMinor());
    }
}
