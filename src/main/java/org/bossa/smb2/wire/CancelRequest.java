package org.bossa.smb2.wire;

/**
 * SMB2 CANCEL Request (MS-SMB2 2.2.30): StructureSize (2 bytes) = 4, Reserved (2 bytes).
 * No response is sent for a CANCEL; the header names the request (MessageId or AsyncId) to cancel.
 */
public record CancelRequest() {
    public static final int STRUCTURE_SIZE = 4;

    public static CancelRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        return new CancelRequest();
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(0);
    }
}
