package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.fscc.FsccFormatException;
import org.bossa.fscc.FsccUnsupportedException;
import org.bossa.smb2.crypto.CipherId;
import org.bossa.smb2.crypto.TransformCodec;
import org.bossa.smb2.crypto.TransformException;
import org.bossa.smb2.wire.Smb1Negotiate;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.WireFormatException;
import org.bossa.smb2.wire.WireReader;

/**
 * One whole frame (the bytes after the 4-byte NBSS length) along the server's path: the SMB1
 * negotiate probe, the transform header (session id, then AES-128-GCM decryption with a fixed key,
 * which fuzzed ciphertext fails as TransformException), then the compound chain split by NextCommand
 * exactly as {@code org.bossa.smb2.server.FrameProcessor#process} checks it, and each message's
 * header and request body.
 */
class Smb2FrameFuzzTest {
    private static final byte[] KEY = new byte[16];
    private static final TransformCodec CODEC = new TransformCodec(CipherId.AES_128_GCM, KEY, KEY);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void frame(byte[] frame) {
        if (Smb1Negotiate.isSmb1(frame)) {
            Smb1Negotiate.chooseSmb2Revision(frame); // returns -1 for anything it does not accept
            return;
        }
        if (frame.length < 4) {
            return;
        }
        if (new WireReader(frame).u32(0) == TransformCodec.PROTOCOL_ID) {
            try {
                TransformCodec.sessionIdOf(frame, 0);
                frame = CODEC.decrypt(frame, 0, frame.length);
            } catch (TransformException e) {
                return;
            }
        }
        chain(frame);
    }

    /** FrameProcessor's chain walk; its ConnectionFault cases return here. */
    private static void chain(byte[] frame) {
        WireReader whole = new WireReader(frame);
        if (whole.length() < Smb2Header.SIZE || whole.u32(0) != Smb2Header.PROTOCOL_ID) {
            return;
        }
        int off = 0;
        while (true) {
            int next = whole.u32(off + 20);
            int len;
            if (next == 0) {
                len = frame.length - off;
            } else {
                if ((next & 7) != 0 || next < Smb2Header.SIZE || next > frame.length - off - Smb2Header.SIZE) {
                    return;
                }
                len = next;
            }
            one(new WireReader(frame, off, len));
            if (next == 0) {
                return;
            }
            off += next;
        }
    }

    private static void one(WireReader msg) {
        Smb2Command command;
        try {
            command = Smb2Requests.commandOf(msg);
        } catch (WireFormatException e) {
            return; // FrameProcessor: "bad SMB2 header", the connection is dropped
        }
        if (command == null) {
            return;
        }
        try {
            Smb2Requests.decode(command, msg);
        } catch (WireFormatException | FsccFormatException | FsccUnsupportedException | DtypFormatException e) {
            // the request fails with the exception's NT status
        }
    }
}
