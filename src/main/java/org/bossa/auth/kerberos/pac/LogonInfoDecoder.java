package org.bossa.auth.kerberos.pac;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;

/**
 * Reads the LOGON_INFO buffer: a KERB_VALIDATION_INFO (MS-PAC 2.5) serialized with the MS-RPCE
 * 2.2.6 type serialization version 1 (Samba: {@code [subcontext(0xFFFFFC01)] PAC_LOGON_INFO_CTR}).
 *
 * <p>Layout: the 8-byte common header (Version 1, Endianness 0x10 = little-endian, CommonHeaderLength
 * 8, Filler), the 8-byte private header (ObjectBufferLength, Filler), then ObjectBufferLength bytes
 * of NDR: the top-level unique pointer's referent id, the structure's scalars, and the deferred
 * pointees depth first in field order (the six names, GroupIds, LogonServer, LogonDomainName,
 * LogonDomainId, ExtraSids and their SIDs, ResourceGroupDomainSid, ResourceGroupIds). The fillers are
 * not checked (Windows writes 0xCCCCCCCC and 0); bytes after the structure inside the object buffer
 * are padding.
 *
 * <p>FILETIMEs are two 32-bit halves with alignment 4 (the saved Windows PACs place LogonTime right
 * after the 4-byte referent id). RPC_UNICODE_STRING buffers must have max_count MaximumLength/2,
 * offset 0 and actual_count Length/2, as pidl checks. Each RID and SID array is capped at
 * {@link #MAX_ARRAY} entries before anything is allocated, and every count is checked against the
 * bytes that remain.
 */
final class LogonInfoDecoder {
    /** The most entries of GroupIds, ExtraSids or ResourceGroupIds (Windows tokens hold about 1,000). */
    static final int MAX_ARRAY = 4096;
    static final int HEADERS_SIZE = 16;
    private static final int GROUP_MEMBERSHIP_SIZE = 8;
    private static final int SID_AND_ATTRIBUTES_SIZE = 8;

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
    private byte[] reserved1;
    private int userAccountControl;
    private int subAuthStatus;
    private long lastSuccessfulILogon;
    private long lastFailedILogon;
    private int failedILogonCount;
    private int reserved3;
    private final List<SidSlot> extraSids = new ArrayList<>();
    private Sid resourceGroupDomainSid;
    private List<GroupMembership> resourceGroups = List.of();

    /** An extra SID whose attributes come with the array and whose SID arrives deferred. */
    private static final class SidSlot {
        Sid sid;
        int attributes;
    }

    private LogonInfoDecoder() {
    }

    static LogonInfo decode(byte[] pac, PacBuffer buffer) throws PacException {
        int off = buffer.offset();
        int size = buffer.size();
        if (size < HEADERS_SIZE) {
            throw new PacException("LOGON_INFO of " + size
                    + " bytes has no room for the 16-byte serialization headers");
        }
        int version = pac[off] & 0xFF;
        int endianness = pac[off + 1] & 0xFF;
        int commonHeaderLength = (pac[off + 2] & 0xFF) | (pac[off + 3] & 0xFF) << 8;
        if (version != 1 || endianness != 0x10 || commonHeaderLength != 8) {
            throw new PacException("LOGON_INFO serialization header version " + version + ", endianness 0x"
                    + Integer.toHexString(endianness) + ", length " + commonHeaderLength + " (expected 1, 0x10, 8)");
        }
        long objectLength = Integer.toUnsignedLong(PacBytes.u32(pac, off + 8));
        if (objectLength > size - HEADERS_SIZE) {
            throw new PacException("LOGON_INFO ObjectBufferLength " + objectLength + " exceeds the "
                    + (size - HEADERS_SIZE) + " bytes after the headers");
        }
        LogonInfoDecoder d = new LogonInfoDecoder();
        try {
            NdrReader r = new NdrReader(pac, off + HEADERS_SIZE, (int) objectLength);
            if (r.u32() == 0) {
                throw new PacException("LOGON_INFO with a null KERB_VALIDATION_INFO pointer");
            }
            d.readScalars(r);
            r.flushDeferred();
        } catch (NdrException e) {
            throw new PacException("LOGON_INFO: " + e.getMessage());
        }
        return d.build();
    }

    private void readScalars(NdrReader r) {
        for (int i = 0; i < times.length; i++) {
            times[i] = fileTime(r);
        }
        for (int i = 0; i < names.length; i++) {
            int slot = i;
            unicodeString(r, s -> names[slot] = s);
        }
        logonCount = r.u16();
        badPasswordCount = r.u16();
        userId = r.u32();
        primaryGroupId = r.u32();
        long groupCount = count(r, "GroupCount");
        boolean groupArray = r.uniquePointer(p -> groups = groupMemberships(p, groupCount, "GroupIds"));
        if (!groupArray && groupCount != 0) {
            throw new NdrException("GroupCount " + groupCount + " with a null GroupIds pointer");
        }
        userFlags = r.u32();
        userSessionKey = r.bytes(LogonInfo.USER_SESSION_KEY_SIZE);
        unicodeString(r, s -> logonServer = s);
        unicodeString(r, s -> logonDomainName = s);
        r.uniquePointer(p -> logonDomainId = sid2(p));
        r.align(4);
        reserved1 = r.bytes(LogonInfo.RESERVED1_SIZE);
        userAccountControl = r.u32();
        subAuthStatus = r.u32();
        lastSuccessfulILogon = fileTime(r);
        lastFailedILogon = fileTime(r);
        failedILogonCount = r.u32();
        reserved3 = r.u32();
        long sidCount = count(r, "SidCount");
        boolean sidArray = r.uniquePointer(p -> extraSids(p, sidCount));
        if (!sidArray && sidCount != 0) {
            throw new NdrException("SidCount " + sidCount + " with a null ExtraSids pointer");
        }
        r.uniquePointer(p -> resourceGroupDomainSid = sid2(p));
        long resourceCount = count(r, "ResourceGroupCount");
        boolean resourceArray = r.uniquePointer(
                p -> resourceGroups = groupMemberships(p, resourceCount, "ResourceGroupIds"));
        if (!resourceArray && resourceCount != 0) {
            throw new NdrException("ResourceGroupCount " + resourceCount + " with a null ResourceGroupIds pointer");
        }
    }

    private static long count(NdrReader r, String what) {
        long n = Integer.toUnsignedLong(r.u32());
        if (n > MAX_ARRAY) {
            throw new NdrException(what + " " + n + " exceeds the limit of " + MAX_ARRAY);
        }
        return n;
    }

    private static List<GroupMembership> groupMemberships(NdrReader r, long expected, String what) {
        int n = r.conformance(GROUP_MEMBERSHIP_SIZE);
        if (n != expected) {
            throw new NdrException(what + " max_count " + n + " != its count " + expected);
        }
        List<GroupMembership> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int rid = r.u32();
            out.add(new GroupMembership(rid, r.u32()));
        }
        return out;
    }

    private void extraSids(NdrReader r, long expected) {
        int n = r.conformance(SID_AND_ATTRIBUTES_SIZE);
        if (n != expected) {
            throw new NdrException("ExtraSids max_count " + n + " != SidCount " + expected);
        }
        for (int i = 0; i < n; i++) {
            SidSlot slot = new SidSlot();
            r.uniquePointer(q -> slot.sid = sid2(q));
            slot.attributes = r.u32();
            extraSids.add(slot);
        }
    }

    private LogonInfo build() throws PacException {
        if (logonDomainId == null) {
            throw new PacException("LOGON_INFO without a LogonDomainId");
        }
        if (logonDomainId.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
            throw new PacException("LOGON_INFO LogonDomainId has 15 sub-authorities, no room for a RID");
        }
        if (LogonInfo.resourceGroupsHonoured(userFlags, resourceGroups)) {
            if (resourceGroupDomainSid == null) {
                throw new PacException("LOGON_INFO has " + resourceGroups.size()
                        + " resource groups but no ResourceGroupDomainSid");
            }
            if (resourceGroupDomainSid.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
                throw new PacException("LOGON_INFO ResourceGroupDomainSid has 15 sub-authorities, no room for a RID");
            }
        }
        List<SidAndAttributes> sids = new ArrayList<>(extraSids.size());
        for (SidSlot s : extraSids) {
            if (s.sid != null) {
                sids.add(new SidAndAttributes(s.sid, s.attributes));
            }
        }
        return new LogonInfo(times[0], times[1], times[2], times[3], times[4], times[5], names[0], names[1],
                names[2], names[3], names[4], names[5], logonCount, badPasswordCount, userId, primaryGroupId, groups,
                userFlags, userSessionKey, logonServer, logonDomainName, logonDomainId, reserved1, userAccountControl,
                subAuthStatus, lastSuccessfulILogon, lastFailedILogon, failedILogonCount, reserved3, sids,
                Optional.ofNullable(resourceGroupDomainSid), resourceGroups);
    }

    // ---------------------------------------------------------------- NDR pieces

    /** A FILETIME: dwLowDateTime, dwHighDateTime, alignment 4. */
    private static long fileTime(NdrReader r) {
        long lo = Integer.toUnsignedLong(r.u32());
        long hi = Integer.toUnsignedLong(r.u32());
        return lo | hi << 32;
    }

    /**
     * The scalars of an RPC_UNICODE_STRING (Length, MaximumLength, pointer); {@code sink} gets the
     * text when the deferred buffer is read, or null for a null pointer.
     */
    private static void unicodeString(NdrReader r, Consumer<String> sink) {
        int length = r.u16();
        int maximumLength = r.u16();
        if (length > maximumLength) {
            throw new NdrException("string Length " + length + " > MaximumLength " + maximumLength);
        }
        r.uniquePointer(d -> {
            long max = Integer.toUnsignedLong(d.u32());
            long offset = Integer.toUnsignedLong(d.u32());
            long actual = Integer.toUnsignedLong(d.u32());
            if (max != maximumLength / 2 || offset != 0 || actual != length / 2) {
                throw new NdrException("string buffer counts " + max + "/" + offset + "/" + actual
                        + " do not match Length " + length + " and MaximumLength " + maximumLength);
            }
            sink.accept(new String(d.bytes((int) actual * 2), StandardCharsets.UTF_16LE));
        });
    }

    /**
     * An RPC_SID as NDR sends it (a conformant structure): max_count = SubAuthorityCount, Revision,
     * SubAuthorityCount, the 6-byte big-endian IdentifierAuthority, the sub-authorities.
     */
    private static Sid sid2(NdrReader r) {
        long conformance = Integer.toUnsignedLong(r.u32());
        int revision = r.u8();
        int count = r.u8();
        if (revision != Sid.REVISION) {
            throw new NdrException("SID revision " + revision);
        }
        if (count > Sid.MAX_SUB_AUTHORITIES || conformance != count) {
            throw new NdrException("SID with " + count + " sub-authorities and max_count " + conformance);
        }
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = authority << 8 | r.u8();
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            subs[i] = r.u32();
        }
        return Sid.of(authority, subs);
    }
}
