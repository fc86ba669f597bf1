package org.bossa.kerberos.gss;

import java.util.EnumSet;
import java.util.Set;

/**
 * The context flags carried in the Flags field of the authenticator checksum (RFC 4121 4.1.1.1,
 * values from RFC 2744's GSS_C_*_FLAG).
 */
public enum ContextFlag {
    DELEGATION(0x01),
    MUTUAL(0x02),
    REPLAY(0x04),
    SEQUENCE(0x08),
    CONFIDENTIALITY(0x10),
    INTEGRITY(0x20);

    private final int bit;

    ContextFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The little-endian Flags word for a set of flags. */
    public static int mask(Set<ContextFlag> flags) {
        int mask = 0;
        for (ContextFlag f : flags) {
            mask |= f.bit;
        }
        return mask;
    }

    /** The known flags present in a Flags word (unknown bits are ignored, as RFC 4121 requires). */
    public static Set<ContextFlag> fromMask(int mask) {
        EnumSet<ContextFlag> set = EnumSet.noneOf(ContextFlag.class);
        for (ContextFlag f : values()) {
            if ((mask & f.bit) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
