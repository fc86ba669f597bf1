package org.bossa.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bossa.dtyp.Acl;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.SecurityDescriptor;
import org.bossa.dtyp.Sid;

/**
 * Self-relative security descriptors (MS-DTYP 2.4.6: SET_INFO security, the SecD create context),
 * and the ACLs and SIDs inside. Failures must be DtypFormatException; what decodes must re-encode to
 * bytes that decode and encode to the same bytes again (encode is canonical, so this is the
 * round-trip check decode(encode(decode(x))) == decode(x)).
 */
class SecurityDescriptorFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void descriptor(byte[] b) {
        try {
            byte[] once = SecurityDescriptor.decode(b).encode();
            assertArrayEquals(once, SecurityDescriptor.decode(once).encode(), "security descriptor round trip");
        } catch (DtypFormatException e) {
            // STATUS_INVALID_SECURITY_DESCR
        }
        try {
            byte[] once = Acl.decode(b).encode();
            assertArrayEquals(once, Acl.decode(once).encode(), "ACL round trip");
        } catch (DtypFormatException e) {
            // refused
        }
        try {
            byte[] once = Sid.decode(b).encode();
            assertArrayEquals(once, Sid.decode(once).encode(), "SID round trip");
        } catch (DtypFormatException e) {
            // refused
        }
    }
}
