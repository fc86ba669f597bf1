package org.bossa.smb2.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * VALIDATE_NEGOTIATE_INFO Request (MS-SMB2 2.2.31.4): the input buffer of an FSCTL_VALIDATE_NEGOTIATE_INFO
 * IOCTL. A malformed one fails with STATUS_INVALID_PARAMETER here; MS-SMB2 3.3.5.15.12 then has the server
 * drop the connection.
 *
 * @param capabilities Capabilities (4 bytes): the client's
 * @param clientGuid Guid (16 bytes): the ClientGuid
 * @param securityMode SecurityMode (2 bytes)
 * @param dialects DialectCount (2 bytes) values of Dialects (2 bytes each), raw
 */
public record ValidateNegotiateInfoRequest(int capabilities, byte[] clientGuid, int securityMode,
                                           List<Integer> dialects) {
    /** Size without the dialects. */
    public static final int FIXED_SIZE = 24;

    public ValidateNegotiateInfoRequest {
        if (clientGuid.length != 16) {
            throw new IllegalArgumentException("Guid must be 16 bytes");
        }
        clientGuid = clientGuid.clone();
        dialects = List.copyOf(dialects);
    }

    @Override
    public byte[] clientGuid() {
        return clientGuid.clone();
    }

    /** Decodes the IOCTL input buffer. */
    public static ValidateNegotiateInfoRequest decode(byte[] input) {
        WireReader r = new WireReader(input);
        r.require(0, FIXED_SIZE, "VALIDATE_NEGOTIATE_INFO");
        int count = r.u16(22);
        if (count == 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "VALIDATE_NEGOTIATE_INFO without dialects");
        }
        r.require(FIXED_SIZE, count * 2L, "VALIDATE_NEGOTIATE_INFO dialects");
        List<Integer> dialects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dialects.add(r.u16(FIXED_SIZE + 2 * i));
        }
        return new ValidateNegotiateInfoRequest(r.u32(0), r.guid(4), r.u16(20), dialects);
    }

    public void encode(WireWriter w) {
        w.u32(capabilities).bytes(clientGuid).u16(securityMode).u16(dialects.size());
        for (int d : dialects) {
            w.u16(d);
        }
    }

    /** The encoded bytes, for an {@link IoctlRequest} input. */
    public byte[] toBytes() {
        WireWriter w = new WireWriter(FIXED_SIZE + 2 * dialects.size());
        encode(w);
        return w.toByteArray();
    }
}
