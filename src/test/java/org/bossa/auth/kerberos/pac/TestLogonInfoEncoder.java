package org.bossa.auth.kerberos.pac;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;

/**
 * {@link TestPacBuilder}'s LOGON_INFO: a KERB_VALIDATION_INFO (MS-PAC 2.5) in NDR with the MS-RPCE
 * 2.2.6 type serialization v1 headers, written from the specs with {@link NdrWriter}, independently
 * of the decoder. The builder sets the fields, then calls {@link #encode()}.
 */
final class TestLogonInfoEncoder {
    private static final long NEVER = 0x7FFFFFFFFFFFFFFFL;
    private static final int USER_NORMAL_ACCOUNT = 0x10;

    String account;
    String fullName;
    String logonDomain;
    String logonServer;
    Sid domainSid;
    int userRid;
    int primaryGroupRid;
    List<GroupMembership> groups;
    List<SidAndAttributes> extraSids;
    Sid resourceDomain;
    List<GroupMembership> resourceGroups;
    int userFlags;
    Instant authTime;

    /** KERB_VALIDATION_INFO behind the MS-RPCE 2.2.6 type serialization v1 headers. */
    byte[] encode() {
        NdrWriter w = new NdrWriter();
        w.uniquePointer(true, this::validationInfo);
        w.flushDeferred();
        byte[] object = w.toByteArray();
        byte[] padded = Arrays.copyOf(object, align8(object.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x01, 0x10, 0x08, 0x00, (byte) 0xCC, (byte) 0xCC, (byte) 0xCC, (byte) 0xCC});
        out.writeBytes(le32(padded.length, 0));
        out.writeBytes(padded);
        return out.toByteArray();
    }

    private void validationInfo(NdrWriter w) {
        long logon = ClientInfo.fileTime(authTime);
        fileTime(w, logon); // LogonTime
        fileTime(w, NEVER); // LogoffTime
        fileTime(w, NEVER); // KickOffTime
        fileTime(w, logon - 864_000_000_000L); // PasswordLastSet, a day earlier
        fileTime(w, logon); // PasswordCanChange
        fileTime(w, NEVER); // PasswordMustChange
        unicodeString(w, account);
        unicodeString(w, fullName);
        unicodeString(w, "");
        unicodeString(w, "");
        unicodeString(w, "");
        unicodeString(w, "");
        w.u16(7); // LogonCount
        w.u16(0); // BadPasswordCount
        w.u32(userRid);
        w.u32(primaryGroupRid);
        w.u32(groups.size());
        w.uniquePointer(!groups.isEmpty(), d -> groupArray(d, groups));
        w.u32(userFlags);
        w.zeros(16); // UserSessionKey
        unicodeString(w, logonServer);
        unicodeString(w, logonDomain);
        w.uniquePointer(true, d -> sid2(d, domainSid));
        w.u32(0); // Reserved1[0]
        w.u32(0); // Reserved1[1]
        w.u32(USER_NORMAL_ACCOUNT);
        w.u32(0); // SubAuthStatus
        fileTime(w, 0); // LastSuccessfulILogon
        fileTime(w, 0); // LastFailedILogon
        w.u32(0); // FailedILogonCount
        w.u32(0); // Reserved3
        w.u32(extraSids.size());
        w.uniquePointer(!extraSids.isEmpty(), d -> {
            d.u32(extraSids.size());
            for (SidAndAttributes s : extraSids) {
                d.uniquePointer(true, e -> sid2(e, s.sid()));
                d.u32(s.attributes());
            }
        });
        w.uniquePointer(resourceDomain != null, d -> sid2(d, resourceDomain));
        w.u32(resourceGroups.size());
        w.uniquePointer(!resourceGroups.isEmpty(), d -> groupArray(d, resourceGroups));
    }

    private static void groupArray(NdrWriter w, List<GroupMembership> list) {
        w.u32(list.size());
        for (GroupMembership g : list) {
            w.u32(g.rid());
            w.u32(g.attributes());
        }
    }

    private static void fileTime(NdrWriter w, long t) {
        w.u32((int) t);
        w.u32((int) (t >>> 32));
    }

    /** RPC_UNICODE_STRING: Length, MaximumLength (bytes, no terminator), pointer; the buffer deferred. */
    private static void unicodeString(NdrWriter w, String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        w.u16(chars.length);
        w.u16(chars.length);
        w.uniquePointer(true, d -> {
            d.u32(chars.length / 2);
            d.u32(0);
            d.u32(chars.length / 2);
            d.bytes(chars);
        });
    }

    /** RPC_SID in NDR: max_count, Revision, SubAuthorityCount, IdentifierAuthority, SubAuthority[]. */
    private static void sid2(NdrWriter w, Sid sid) {
        w.u32(sid.subAuthorityCount());
        w.u8(Sid.REVISION);
        w.u8(sid.subAuthorityCount());
        long authority = sid.identifierAuthority();
        for (int i = 5; i >= 0; i--) {
            w.u8((int) (authority >>> (8 * i)));
        }
        for (int i = 0; i < sid.subAuthorityCount(); i++) {
            w.u32((int) sid.subAuthority(i));
        }
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    private static byte[] le32(int a, int b) {
        byte[] out = new byte[8];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) (a >>> (8 * i));
            out[4 + i] = (byte) (b >>> (8 * i));
        }
        return out;
    }
}
