package org.bossa.identity;

/** The kind of account a SID names (MS-LSAT SID_NAME_USE; the numbers are the wire values). */
public enum SidType {
    USER(1), DOM_GROUP(2), DOMAIN(3), ALIAS(4), WELL_KNOWN_GROUP(5), DELETED(6), INVALID(7), UNKNOWN(8), COMPUTER(9);

    private final int code;

    SidType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** True for the kinds that map to a gid (domain groups, aliases, well-known groups). */
    public boolean isGroup() {
        return this == DOM_GROUP || this == ALIAS || this == WELL_KNOWN_GROUP;
    }

    public static SidType of(int code) {
        for (SidType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
