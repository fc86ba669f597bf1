package org.bossa.rpc.netlogon.ndr;

import java.util.ArrayList;
import java.util.List;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dtyp.Sid;

/**
 * Reads NETLOGON_VALIDATION_SAM_INFO / SAM_INFO2 / SAM_INFO4 (MS-NRPC 2.2.1.4.11-13; Samba
 * netr_SamInfo2/3/6) as the pointee of the netr_Validation union arm. {@link #readScalars} reads the
 * structure's scalars and defers every embedded pointer on the reader; the caller's
 * {@link NdrReader#flushDeferred()} then reads the pointees in NDR order (depth first, in field
 * order: the six names, GroupIds, LogonServer, LogonDomainName, LogonDomainId, ExtraSids and their
 * SIDs, DnsLogonDomainName, Upn, the expansion strings); {@link #build()} assembles the record.
 *
 * <p>Every array count is checked against the bytes that remain before anything is allocated, and a
 * conformant array's max_count must equal the count field that sizes it. SAM_INFO4's ten
 * ExpansionStrings (Samba: uint32 unknown4[20]) are read as the RPC_UNICODE_STRINGs MS-NRPC declares,
 * so their buffers, if a DC ever sent any, are consumed in order; their text is dropped. An extra SID
 * entry with a null SID pointer is skipped, as Samba's client does; a null LogonDomainId is an error.
 */
final class ValidationInfoDecoder {
    private static final int GROUP_MEMBERSHIP_SIZE = 8;
    private static final int SID_AND_ATTRIBUTES_SIZE = 8;
    private static final int EXPANSION_STRINGS = 10;

    private final int level;
    private final long[] times = new long[6];
    private final String[] names = new String[6];
    private int logonCount;
    private int badPasswordCount;
    private int userId;
    private int primaryGroupId;
    private List<GroupMembership> groups = List.of();
    private int userFlags;
    private byte[] userSessionKey;
    private String logonServer;
    private String logonDomainName;
    private Sid logonDomainId;
    private byte[] lmKey;
    private int userAccountControl;
    private int subAuthStatus;
    private long lastSuccessfulILogon;
    private long lastFailedILogon;
    private int failedILogonCount;
    private int reserved4;
    private final List<SidAttributeSlot> extraSids = new ArrayList<>();
    private String dnsLogonDomainName;
    private String userPrincipalName;

    /** An extra SID whose attributes are read with the array and whose SID arrives deferred. */
    private static final class SidAttributeSlot {
        Sid sid;
        int attributes;
    }

    ValidationInfoDecoder(int level) {
        if (level != 2 && level != 3 && level != 6) {
            throw new IllegalArgumentException("validation level " + level);
        }
        this.level = level;
    }

    void readScalars(NdrReader r) {
        readBase(r);
        if (level >= 3) {
            readExtraSids(r);
        }
        if (level == 6) {
            NetlogonNdr.unicodeString(r, s -> dnsLogonDomainName = s);
            NetlogonNdr.unicodeString(r, s -> userPrincipalName = s);
            for (int i = 0; i < EXPANSION_STRINGS; i++) {
                NetlogonNdr.unicodeString(r, s -> { });
            }
        }
    }

    /** NETLOGON_VALIDATION_SAM_INFO's fields (Samba netr_SamBaseInfo). */
    private void readBase(NdrReader r) {
        for (int i = 0; i < times.length; i++) {
            times[i] = NetlogonNdr.udlong(r);
        }
        for (int i = 0; i < names.length; i++) {
            int slot = i;
            NetlogonNdr.unicodeString(r, s -> names[slot] = s);
        }
        logonCount = r.u16();
        badPasswordCount = r.u16();
        userId = r.u32();
        primaryGroupId = r.u32();
        long groupCount = Integer.toUnsignedLong(r.u32());
        boolean groupArray = r.uniquePointer(p -> groups = readGroups(p, groupCount));
        if (!groupArray && groupCount != 0) {
            throw new NdrException("GroupCount " + groupCount + " with a null GroupIds pointer");
        }
        userFlags = r.u32();
        userSessionKey = r.bytes(ValidationInfo.USER_SESSION_KEY_SIZE);
        NetlogonNdr.unicodeString(r, s -> logonServer = s);
        NetlogonNdr.unicodeString(r, s -> logonDomainName = s);
        r.uniquePointer(p -> logonDomainId = NetlogonNdr.sid2(p));
        lmKey = r.bytes(ValidationInfo.LM_KEY_SIZE);
        userAccountControl = r.u32();
        subAuthStatus = r.u32();
        lastSuccessfulILogon = NetlogonNdr.udlong(r);
        lastFailedILogon = NetlogonNdr.udlong(r);
        failedILogonCount = r.u32();
        reserved4 = r.u32();
    }

    private static List<GroupMembership> readGroups(NdrReader r, long expected) {
        int count = r.conformance(GROUP_MEMBERSHIP_SIZE);
        if (count != expected) {
            throw new NdrException("GroupIds max_count " + count + " != GroupCount " + expected);
        }
        List<GroupMembership> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int rid = r.u32();
            out.add(new GroupMembership(rid, r.u32()));
        }
        return out;
    }

    private void readExtraSids(NdrReader r) {
        long sidCount = Integer.toUnsignedLong(r.u32());
        boolean present = r.uniquePointer(p -> {
            int count = p.conformance(SID_AND_ATTRIBUTES_SIZE);
            if (count != sidCount) {
                throw new NdrException("ExtraSids max_count " + count + " != SidCount " + sidCount);
            }
            for (int i = 0; i < count; i++) {
                SidAttributeSlot slot = new SidAttributeSlot();
                p.uniquePointer(q -> slot.sid = NetlogonNdr.sid2(q));
                slot.attributes = p.u32();
                extraSids.add(slot);
            }
        });
        if (!present && sidCount != 0) {
            throw new NdrException("SidCount " + sidCount + " with a null ExtraSids pointer");
        }
    }

    /** The record, once the reader's deferred pointees have been read. */
    ValidationInfo build() {
        if (logonDomainId == null) {
            throw new NdrException("validation without a LogonDomainId");
        }
        if (logonDomainId.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
            throw new NdrException("LogonDomainId with 15 sub-authorities");
        }
        List<SidAndAttributes> sids = new ArrayList<>(extraSids.size());
        for (SidAttributeSlot s : extraSids) {
            if (s.sid != null) {
                sids.add(new SidAndAttributes(s.sid, s.attributes));
            }
        }
        return new ValidationInfo(level, times[0], times[1], times[2], times[3], times[4], times[5], names[0],
                names[1], names[2], names[3], names[4], names[5], logonCount, badPasswordCount, userId,
                primaryGroupId, groups, userFlags, userSessionKey, logonServer, logonDomainName, logonDomainId,
                lmKey, userAccountControl, subAuthStatus, lastSuccessfulILogon, lastFailedILogon,
                failedILogonCount, reserved4, sids, dnsLogonDomainName, userPrincipalName);
    }
}
