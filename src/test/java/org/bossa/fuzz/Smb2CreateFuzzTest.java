package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.fscc.FsccFormatException;
import org.bossa.fscc.FsccUnsupportedException;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.WireFormatException;
import org.bossa.smb2.wire.WireReader;

/**
 * CREATE with its create contexts (RqLs lease v1/v2, DH2Q, MxAc, SecD security descriptor, ExtA EAs). The input is one SMB2 message (64-byte header, then the body); the command the header names
 * picks the decoder when it belongs to this family, otherwise every decoder of the family reads the
 * message, so mutations of the header do not leave the family.
 */
class Smb2CreateFuzzTest {
    private static final List<Smb2Command> FAMILY = List.of( Smb2Command.CREATE);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void request(byte[] message) {
        WireReader r = new WireReader(message);
        Smb2Command named;
        try {
            named = Smb2Requests.commandOf(r);
        } catch (WireFormatException e) {
            named = null; // the decoders check the header range themselves
        }
        if (named != null && FAMILY.contains(named)) {
            decode(named, r);
        } else {
            for (Smb2Command c : FAMILY) {
                decode(c, r);
            }
        }
    }

    private static void decode(Smb2Command c, WireReader r) {
        try {
            Smb2Requests.decode(c, r);
        } catch (WireFormatException | FsccFormatException | FsccUnsupportedException | DtypFormatException e) {
            // the request fails with the exception's NT status
        }
    }
}
