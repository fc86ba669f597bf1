package org.bossa.smb2.wire;

import java.nio.charset.StandardCharsets;

/**
 * The SMB1 NEGOTIATE (SMB_COM_NEGOTIATE 0x72) that clients send first to probe for SMB2
 * (MS-SMB2 3.3.5.3.1). Bossa speaks no SMB1: it only reads the dialect strings to pick the
 * SMB2 answer ("SMB 2.???" -> wildcard 0x02FF, "SMB 2.002" -> 0x0202).
 */
public final class Smb1Negotiate {
    public static final int PROTOCOL_ID = 0x424D53FF; // 0xFF 'S' 'M' 'B'
    private static final int COM_NEGOTIATE = 0x72;
    private static final int HEADER = 32;

    private Smb1Negotiate() {
    }

    public static boolean isSmb1(byte[] frame) {
        return frame.length >= 4 && new WireReader(frame).u32(0) == PROTOCOL_ID;
    }

    /**
     * The SMB2 dialect revision to answer, or -1 when the request is not a negotiate or offers no SMB2.
     */
    public static int chooseSmb2Revision(byte[] frame) {
        WireReader r = new WireReader(frame);
        if (frame.length < HEADER + 3 || r.u8(4) != COM_NEGOTIATE) {
            return -1;
        }
        int wordCount = r.u8(HEADER);
        int bccAt = HEADER + 1 + 2 * wordCount;
        if (bccAt + 2 > frame.length) {
            return -1;
        }
        int bcc = r.u16(bccAt);
        int start = bccAt + 2;
        int end = Math.min(frame.length, start + bcc);
        boolean wildcard = false;
        boolean smb2002 = false;
        int p = start;
        while (p < end) {
            if (frame[p] != 0x02) {
                return -1;
            }
            int q = p + 1;
            while (q < end && frame[q] != 0) {
                q++;
            }
            String name = new String(frame, p + 1, q - p - 1, StandardCharsets.US_ASCII);
            wildcard |= name.equals("SMB 2.???");
            smb2002 |= name.equals("SMB 2.002");
            p = q + 1;
        }
        return wildcard ? Dialect.WILDCARD : smb2002 ? Dialect.SMB_2_0_2.code() : -1;
    }
}
