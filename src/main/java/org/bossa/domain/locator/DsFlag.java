package org.bossa.domain.locator;

import java.util.EnumSet;
import java.util.Set;

/**
 * DS_FLAG options bits (MS-ADTS 6.3.1.2, MS-NRPC 2.2.1.2.1): what a DC says about itself in the
 * Flags field of its LDAP ping answer. Bits newer than the MS-ADTS table (KEY_LIST, DS_12, DS_13)
 * carry the Windows SDK's values (dsgetdc.h); unknown bits are dropped by {@link #of(int)}.
 */
public enum DsFlag {
    /** The DC holds the PDC emulator FSMO role. */
    PDC(0x00000001),
    /** The DC is a global catalog server. */
    GC(0x00000004),
    /** The DC is an LDAP server. */
    LDAP(0x00000008),
    /** The server is a DC. */
    DS(0x00000010),
    /** The DC runs a Kerberos KDC. */
    KDC(0x00000020),
    /** The Windows Time Service runs on the DC. */
    TIMESERV(0x00000040),
    /** The DC is in the client's site. */
    CLOSEST(0x00000080),
    /** The DC is not a read-only DC. */
    WRITABLE(0x00000100),
    /** The DC is a reliable time source. */
    GOOD_TIMESERV(0x00000200),
    /** The naming context is an application NC. */
    NDNC(0x00000400),
    /** The DC is a read-only DC. */
    SELECT_SECRET_DOMAIN_6(0x00000800),
    /** The DC is writable and at least Windows Server 2008. */
    FULL_SECRET_DOMAIN_6(0x00001000),
    /** The Active Directory Web Service runs on the DC. */
    WS(0x00002000),
    /** Windows Server 2012 or later. */
    DS_8(0x00004000),
    /** Windows Server 2012 R2 or later. */
    DS_9(0x00008000),
    /** Windows Server 2016 or later. */
    DS_10(0x00010000),
    /** The DC answers Kerberos key list requests. */
    KEY_LIST(0x00020000),
    /** Windows Server 2025 or later. */
    DS_13(0x00040000),
    /** Windows Server 2022 or later. */
    DS_12(0x00080000),
    /** The DC has a DNS name. */
    DNS_CONTROLLER(0x20000000),
    /** The naming context is the default NC. */
    DNS_DOMAIN(0x40000000),
    /** The naming context is the forest root. */
    DNS_FOREST(0x80000000);

    private final int bit;

    DsFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The flags set in a wire value; bits this enum does not name are ignored. */
    public static EnumSet<DsFlag> of(int bits) {
        EnumSet<DsFlag> set = EnumSet.noneOf(DsFlag.class);
        for (DsFlag f : values()) {
            if ((bits & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }

    public static int bits(Set<DsFlag> flags) {
        int v = 0;
        for (DsFlag f : flags) {
            v |= f.bit;
        }
        return v;
    }
}
