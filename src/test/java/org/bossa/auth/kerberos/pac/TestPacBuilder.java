package org.bossa.auth.kerberos.pac;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;

/**
 * Builds a complete, valid PAC for tests, written from MS-PAC and MS-RPCE independently of the
 * decoder: LOGON_INFO (KERB_VALIDATION_INFO in NDR type serialization v1, with groups, extra SIDs and
 * resource groups), CLIENT_INFO, UPN_DNS_INFO with the S flag, ATTRIBUTES_INFO, REQUESTOR, a server
 * checksum under the service key and a KDC checksum under a KDC key, in the buffer order Windows
 * writes. Knobs let a test tamper with one thing at a time.
 *
 * <p>Usage from another package (say, a test acceptor putting a PAC into a ticket):
 * <pre>
 * byte[] pac = new TestPacBuilder(serviceKey).clientName("alice").authTime(ticketAuthTime).build();
 * </pre>
 * and wrap it in AD-IF-RELEVANT { AD-WIN2K-PAC (128) } in the EncTicketPart's authorization data.
 */
public final class TestPacBuilder {
    /** The account domain of the default user. */
    public static final Sid DOMAIN_SID = Sid.parse("S-1-5-21-1004336348-1177238915-682003330");
    /** The resource domain of the default resource group. */
    public static final Sid RESOURCE_DOMAIN_SID = Sid.parse("S-1-5-21-2000000001-2000000002-2000000003");
    /** "Authentication authority asserted identity", an extra SID Windows KDCs add. */
    public static final Sid ASSERTED_IDENTITY = Sid.parse("S-1-18-1");
    public static final Instant DEFAULT_AUTH_TIME = Instant.parse("2025-03-01T10:15:30Z");
    private static final int SE_GROUP_DEFAULT = 0x7;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EncryptionKey serviceKey;
    private final EncryptionKey kdcKey;

    private String account = "alice";
    private String fullName = "Alice Example";
    private String logonDomain = "EXAMPLE";
    private String dnsDomain = "example.test";
    private String logonServer = "DC1";
    private Sid domainSid = DOMAIN_SID;
    private int userRid = 1104;
    private int primaryGroupRid = 513;
    private List<GroupMembership> groups = new ArrayList<>(List.of(new GroupMembership(513, SE_GROUP_DEFAULT),
            new GroupMembership(1105, SE_GROUP_DEFAULT)));
    private List<SidAndAttributes> extraSids = new ArrayList<>(List.of(
            new SidAndAttributes(ASSERTED_IDENTITY, SE_GROUP_DEFAULT)));
    private Sid resourceDomain = RESOURCE_DOMAIN_SID;
    private List<GroupMembership> resourceGroups = new ArrayList<>(List.of(
            new GroupMembership(1201, SE_GROUP_DEFAULT | SidAndAttributes.SE_GROUP_RESOURCE)));
    private int userFlags = LogonInfo.USER_FLAG_EXTRA_SIDS | LogonInfo.USER_FLAG_RESOURCE_GROUPS;
    private Instant authTime = DEFAULT_AUTH_TIME;
    private String clientName;
    private String upn = "alice@example.test";

    // tampering
    private String clientInfoName;
    private Instant clientInfoAuthTime;
    private boolean upnSamNameAndSid = true;
    private String upnSamName;
    private Sid upnSid;
    private Sid requestorSid;
    private final Set<Integer> omitted = new HashSet<>();
    private final Set<Integer> duplicated = new HashSet<>();
    private boolean corruptServerChecksum;
    private Integer serverChecksumType;
    private boolean ticketAndFullChecksums;
    private Integer kdcRodcIdentifier;
    private final List<Entry> extraBuffers = new ArrayList<>();

    /** A builder whose KDC checksum uses a fresh random AES256 key. */
    public TestPacBuilder(EncryptionKey serviceKey) {
        this(serviceKey, randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96));
    }

    public TestPacBuilder(EncryptionKey serviceKey, EncryptionKey kdcKey) {
        this.serviceKey = Objects.requireNonNull(serviceKey, "serviceKey");
        this.kdcKey = Objects.requireNonNull(kdcKey, "kdcKey");
    }

    /** A random key of {@code type}. */
    public static EncryptionKey randomKey(EncryptionType type) {
        try {
            byte[] in = new byte[EncryptionHandler.getEncHandler(type).keyInputSize()];
            RANDOM.nextBytes(in);
            return EncryptionHandler.random2Key(type, in);
        } catch (KrbException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the identity

    /** The sAMAccountName (EffectiveName, and UPN_DNS_INFO SamName); also the default client name. */
    public TestPacBuilder account(String name) {
        this.account = name;
        return this;
    }

    public TestPacBuilder fullName(String name) {
        this.fullName = name;
        return this;
    }

    /** The NetBIOS domain name (LogonDomainName). */
    public TestPacBuilder logonDomain(String name) {
        this.logonDomain = name;
        return this;
    }

    /** The DNS domain name (UPN_DNS_INFO). */
    public TestPacBuilder dnsDomain(String name) {
        this.dnsDomain = name;
        return this;
    }

    public TestPacBuilder domainSid(Sid sid) {
        this.domainSid = sid;
        return this;
    }

    public TestPacBuilder userRid(int rid) {
        this.userRid = rid;
        return this;
    }

    public TestPacBuilder primaryGroupRid(int rid) {
        this.primaryGroupRid = rid;
        return this;
    }

    /** GroupIds (RIDs in the domain SID), replacing the default 513 and 1105. */
    public TestPacBuilder groups(int... rids) {
        groups = new ArrayList<>();
        for (int rid : rids) {
            groups.add(new GroupMembership(rid, SE_GROUP_DEFAULT));
        }
        return this;
    }

    /** ExtraSids, replacing the default S-1-18-1. */
    public TestPacBuilder extraSids(Sid... sids) {
        extraSids = new ArrayList<>();
        for (Sid s : sids) {
            extraSids.add(new SidAndAttributes(s, SE_GROUP_DEFAULT));
        }
        return this;
    }

    /** ResourceGroupDomainSid and ResourceGroupIds (null domain for none), replacing the default. */
    public TestPacBuilder resourceGroups(Sid domain, int... rids) {
        resourceDomain = domain;
        resourceGroups = new ArrayList<>();
        for (int rid : rids) {
            resourceGroups.add(new GroupMembership(rid, SE_GROUP_DEFAULT | SidAndAttributes.SE_GROUP_RESOURCE));
        }
        return this;
    }

    /** UserFlags; the default has EXTRA_SIDS (0x20) and RESOURCE_GROUPS (0x200). */
    public TestPacBuilder userFlags(int flags) {
        this.userFlags = flags;
        return this;
    }

    /** The UPN in UPN_DNS_INFO. */
    public TestPacBuilder upn(String upn) {
        this.upn = upn;
        return this;
    }

    // ---------------------------------------------------------------- the ticket binding

    /** The ticket's client name without realm (CLIENT_INFO name); defaults to the account. */
    public TestPacBuilder clientName(String name) {
        this.clientName = name;
        return this;
    }

    /** The ticket's authtime (CLIENT_INFO ClientId and LogonTime). */
    public TestPacBuilder authTime(Instant t) {
        this.authTime = t;
        return this;
    }

    // ---------------------------------------------------------------- tampering

    /** CLIENT_INFO's name, independently of {@link #clientName}. */
    public TestPacBuilder clientInfoName(String name) {
        this.clientInfoName = name;
        return this;
    }

    /** CLIENT_INFO's ClientId, independently of {@link #authTime}. */
    public TestPacBuilder clientInfoAuthTime(Instant t) {
        this.clientInfoAuthTime = t;
        return this;
    }

    /** The REQUESTOR SID; defaults to the user SID. */
    public TestPacBuilder requestorSid(Sid sid) {
        this.requestorSid = sid;
        return this;
    }

    /** UPN_DNS_INFO's Sid; defaults to the user SID. */
    public TestPacBuilder upnSid(Sid sid) {
        this.upnSid = sid;
        return this;
    }

    /** UPN_DNS_INFO's SamName; defaults to the account. */
    public TestPacBuilder upnSamName(String name) {
        this.upnSamName = name;
        return this;
    }

    /** UPN_DNS_INFO without the S flag (as KDCs before Windows Server 2022 write it). */
    public TestPacBuilder withoutUpnSamNameAndSid() {
        this.upnSamNameAndSid = false;
        return this;
    }

    /** Leaves out every buffer of this {@link PacBufferType}. */
    public TestPacBuilder omit(int bufferType) {
        omitted.add(bufferType);
        return this;
    }

    /** Writes the buffer of this type twice. */
    public TestPacBuilder duplicate(int bufferType) {
        duplicated.add(bufferType);
        return this;
    }

    /** Flips a bit of the server checksum after computing it. */
    public TestPacBuilder corruptServerChecksum() {
        this.corruptServerChecksum = true;
        return this;
    }

    /**
     * The server checksum's SignatureType. When it is the one of the service key's enctype the
     * checksum is computed; otherwise the signature is random bytes of the type's length (12 for a
     * type MS-PAC does not name).
     */
    public TestPacBuilder serverChecksumType(int type) {
        this.serverChecksumType = type;
        return this;
    }

    /**
     * Adds a TICKET_CHECKSUM and a FULL_CHECKSUM under the KDC key, before the server checksum is
     * computed, as Windows Server 2022 does (the server checksum covers them).
     */
    public TestPacBuilder withTicketAndFullChecksums() {
        this.ticketAndFullChecksums = true;
        return this;
    }

    /**
     * Appends an RODCIdentifier to the KDC checksum, written after the server checksum is computed
     * (as Heimdal's RODC signing does), so a verifier must zero it too.
     */
    public TestPacBuilder kdcRodcIdentifier(int id) {
        this.kdcRodcIdentifier = id;
        return this;
    }

    /** Adds a buffer of any type (say, one the decoder does not know) before the signatures. */
    public TestPacBuilder addBuffer(int type, byte[] data) {
        extraBuffers.add(new Entry(type, data.clone()));
        return this;
    }

    // ---------------------------------------------------------------- building

    public Sid userSid() {
        return domainSid.withRid(Integer.toUnsignedLong(userRid));
    }

    public String effectiveClientName() {
        return clientName != null ? clientName : account;
    }

    public Instant authTimeValue() {
        return authTime;
    }

    /** The encoded, signed PAC. */
    public byte[] build() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(PacBufferType.LOGON_INFO, logonInfo()));
        entries.add(new Entry(PacBufferType.CLIENT_INFO, clientInfo()));
        entries.add(new Entry(PacBufferType.UPN_DNS_INFO, upnDnsInfo()));
        entries.add(new Entry(PacBufferType.ATTRIBUTES_INFO, le32(2, AttributesInfo.PAC_WAS_REQUESTED)));
        entries.add(new Entry(PacBufferType.REQUESTOR, (requestorSid != null ? requestorSid : userSid()).encode()));
        for (Entry e : extraBuffers) {
            entries.add(new Entry(e.type, e.data.clone()));
        }
        int kdcType = checksumType(kdcKey);
        if (ticketAndFullChecksums) {
            entries.add(signatureEntry(PacBufferType.TICKET_CHECKSUM, kdcType));
            entries.add(signatureEntry(PacBufferType.FULL_CHECKSUM, kdcType));
        }
        int serverType = serverChecksumType != null ? serverChecksumType : checksumType(serviceKey);
        entries.add(signatureEntry(PacBufferType.SERVER_CHECKSUM, serverType));
        Entry kdcEntry = signatureEntry(PacBufferType.KDC_CHECKSUM, kdcType);
        entries.add(kdcRodcIdentifier == null ? kdcEntry
                : new Entry(PacBufferType.KDC_CHECKSUM, Arrays.copyOf(kdcEntry.data, kdcEntry.data.length + 2)));

        List<Entry> laid = new ArrayList<>();
        for (Entry e : entries) {
            if (omitted.contains(e.type)) {
                continue;
            }
            laid.add(e);
            if (duplicated.contains(e.type)) {
                laid.add(new Entry(e.type, e.data.clone()));
            }
        }
        int headerSize = 8 + 16 * laid.size();
        int offset = align8(headerSize);
        for (Entry e : laid) {
            e.offset = offset;
            offset = align8(offset + e.data.length);
        }
        byte[] pac = new byte[offset];
        putU32(pac, 0, laid.size());
        putU32(pac, 4, 0);
        for (int i = 0; i < laid.size(); i++) {
            Entry e = laid.get(i);
            int at = 8 + 16 * i;
            putU32(pac, at, e.type);
            putU32(pac, at + 4, e.data.length);
            putU32(pac, at + 8, e.offset);
            putU32(pac, at + 12, 0);
            System.arraycopy(e.data, 0, pac, e.offset, e.data.length);
        }
        sign(pac, laid, kdcType, serverType);
        return pac;
    }

    /** Fills the signatures in the order MS-PAC 2.8 gives: ticket, full, server, KDC. */
    private void sign(byte[] pac, List<Entry> laid, int kdcType, int serverType) {
        Entry ticket = first(laid, PacBufferType.TICKET_CHECKSUM);
        Entry full = first(laid, PacBufferType.FULL_CHECKSUM);
        Entry server = first(laid, PacBufferType.SERVER_CHECKSUM);
        Entry kdc = first(laid, PacBufferType.KDC_CHECKSUM);
        if (ticket != null) {
            // the real one covers the re-encoded EncTicketPart; any KDC-keyed value serves an acceptor test
            put(pac, ticket, checksum(kdcType, kdcKey, "ticket".getBytes(StandardCharsets.US_ASCII)));
        }
        if (full != null) {
            put(pac, full, checksum(kdcType, kdcKey, pac)); // server, KDC and full are still zero
        }
        if (server != null) {
            byte[] sig;
            if (serverType == checksumType(serviceKey)) {
                sig = checksum(serverType, serviceKey, pac);
            } else {
                int len = PacSignature.signatureLength(serverType);
                sig = new byte[len < 0 ? 12 : len];
                RANDOM.nextBytes(sig);
            }
            if (corruptServerChecksum) {
                sig[0] ^= 0x01;
            }
            put(pac, server, sig);
            if (kdc != null) {
                put(pac, kdc, checksum(kdcType, kdcKey, sig));
            }
        } else if (kdc != null) {
            put(pac, kdc, checksum(kdcType, kdcKey, new byte[0]));
        }
        if (kdc != null && kdcRodcIdentifier != null) {
            int at = kdc.offset + kdc.data.length - 2;
            putU16(pac, at, kdcRodcIdentifier);
        }
    }

    private static Entry first(List<Entry> laid, int type) {
        return laid.stream().filter(e -> e.type == type).findFirst().orElse(null);
    }

    private static void put(byte[] pac, Entry e, byte[] sig) {
        System.arraycopy(sig, 0, pac, e.offset + 4, Math.min(sig.length, e.data.length - 4));
    }

    private static byte[] checksum(int type, EncryptionKey key, byte[] data) {
        try {
            return CheckSumHandler.getCheckSumHandler(type).checksumWithKey(data, key.getKeyData(),
                    PacValidator.KEY_USAGE);
        } catch (KrbException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PAC checksum type of a key's enctype (MS-PAC 2.8.1). */
    public static int checksumType(EncryptionKey key) {
        return switch (key.getKeyType().getValue()) {
            case 17 -> PacSignature.HMAC_SHA1_96_AES128;
            case 18 -> PacSignature.HMAC_SHA1_96_AES256;
            case 23 -> PacSignature.HMAC_MD5;
            default -> throw new IllegalArgumentException("no PAC checksum for " + key.getKeyType());
        };
    }

    private static Entry signatureEntry(int bufferType, int signatureType) {
        int len = PacSignature.signatureLength(signatureType);
        byte[] data = new byte[4 + (len < 0 ? 12 : len)];
        putU32(data, 0, signatureType);
        return new Entry(bufferType, data);
    }

    /** One buffer: its type, its bytes, and where it landed. */
    private static final class Entry {
        final int type;
        final byte[] data;
        int offset;

        Entry(int type, byte[] data) {
            this.type = type;
            this.data = data;
        }
    }

    // ---------------------------------------------------------------- the buffers

    private byte[] clientInfo() {
        byte[] name = (clientInfoName != null ? clientInfoName : effectiveClientName())
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[10 + name.length];
        long ft = ClientInfo.fileTime(clientInfoAuthTime != null ? clientInfoAuthTime : authTime);
        putU32(out, 0, (int) ft);
        putU32(out, 4, (int) (ft >>> 32));
        out[8] = (byte) name.length;
        out[9] = (byte) (name.length >>> 8);
        System.arraycopy(name, 0, out, 10, name.length);
        return out;
    }

    /** UPN_DNS_INFO: the fixed part, then each string (and the SID) at an 8-aligned offset. */
    private byte[] upnDnsInfo() {
        byte[] upnBytes = upn.getBytes(StandardCharsets.UTF_16LE);
        byte[] dnsBytes = dnsDomain.getBytes(StandardCharsets.UTF_16LE);
        byte[] samBytes = (upnSamName != null ? upnSamName : account).getBytes(StandardCharsets.UTF_16LE);
        byte[] sidBytes = (upnSid != null ? upnSid : userSid()).encode();
        int fixed = align8(upnSamNameAndSid ? 20 : 12);
        int upnAt = fixed;
        int dnsAt = align8(upnAt + upnBytes.length);
        int end = dnsAt + dnsBytes.length;
        int samAt = align8(end);
        int sidAt = align8(samAt + samBytes.length);
        if (upnSamNameAndSid) {
            end = sidAt + sidBytes.length;
        }
        byte[] out = new byte[end];
        putU16(out, 0, upnBytes.length);
        putU16(out, 2, upnAt);
        putU16(out, 4, dnsBytes.length);
        putU16(out, 6, dnsAt);
        putU32(out, 8, upnSamNameAndSid ? UpnDnsInfo.HAS_SAM_NAME_AND_SID : 0);
        System.arraycopy(upnBytes, 0, out, upnAt, upnBytes.length);
        System.arraycopy(dnsBytes, 0, out, dnsAt, dnsBytes.length);
        if (upnSamNameAndSid) {
            putU16(out, 12, samBytes.length);
            putU16(out, 14, samAt);
            putU16(out, 16, sidBytes.length);
            putU16(out, 18, sidAt);
            System.arraycopy(samBytes, 0, out, samAt, samBytes.length);
            System.arraycopy(sidBytes, 0, out, sidAt, sidBytes.length);
        }
        return out;
    }

    private byte[] logonInfo() {
        TestLogonInfoEncoder e = new TestLogonInfoEncoder();
        e.account = account;
        e.fullName = fullName;
        e.logonDomain = logonDomain;
        e.logonServer = logonServer;
        e.domainSid = domainSid;
        e.userRid = userRid;
        e.primaryGroupRid = primaryGroupRid;
        e.groups = groups;
        e.extraSids = extraSids;
        e.resourceDomain = resourceDomain;
        e.resourceGroups = resourceGroups;
        e.userFlags = userFlags;
        e.authTime = authTime;
        return e.encode();
    }

    private static int align8(int n) {
        return (n + 7) & ~7;
    }

    private static byte[] le32(int a, int b) {
        byte[] out = new byte[8];
        putU32(out, 0, a);
        putU32(out, 4, b);
        return out;
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
