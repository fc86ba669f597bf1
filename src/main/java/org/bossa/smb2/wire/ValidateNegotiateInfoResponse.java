package org.bossa.smb2.wire;

/**
 * VALIDATE_NEGOTIATE_INFO Response (MS-SMB2 2.2.32.6): the output buffer of the FSCTL_VALIDATE_NEGOTIATE_INFO
 * IOCTL response.
 *
 * @param capabilities Capabilities (4 bytes): the server's
 * @param serverGuid Guid (16 bytes): the ServerGuid
 * @param securityMode SecurityMode (2 bytes): the server's
 * @param dialect Dialect (2 bytes): the connection's dialect
 */
public record ValidateNegotiateInfoResponse(int capabilities, byte[] serverGuid, int securityMode,
                                            Dialect dialect) {
    public static final int SIZE = 24;

    public ValidateNegotiateInfoResponse {
        if (serverGuid.length != 16) {
            throw new IllegalArgumentException("Guid must be 16 bytes");
        }
        serverGuid = serverGuid.clone();
    }

    @Override
    public byte[] serverGuid() {
        return serverGuid.clone();
    }

    public void encode(WireWriter w) {
        w.u32(capabilities).bytes(serverGuid).u16(securityMode).u16(dialect.code());
    }

    /** The encoded 24 bytes, for {@link IoctlResponse#of}. */
    public byte[] toBytes() {
        WireWriter w = new WireWriter(SIZE);
        encode(w);
        return w.toByteArray();
    }

    /** Decodes the output buffer (client side); an unknown dialect is STATUS_INVALID_PARAMETER. */
    public static ValidateNegotiateInfoResponse decode(byte[] output) {
        WireReader r = new WireReader(output);
        r.require(0, SIZE, "VALIDATE_NEGOTIATE_INFO response");
        Dialect d = Dialect.fromCode(r.u16(22));
        if (d == null) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "unknown dialect " + r.u16(22));
        }
        return new ValidateNegotiateInfoResponse(r.u32(0), r.guid(4), r.u16(20), d);
    }
}
