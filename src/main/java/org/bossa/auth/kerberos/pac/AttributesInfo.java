package org.bossa.auth.kerberos.pac;

/**
 * PAC_ATTRIBUTES_INFO (MS-PAC 2.14): how the client came to have a PAC. Informational for an
 * acceptor; nothing here is enforced.
 *
 * @param flagsLength FlagsLength: the number of meaningful bits in the Flags array
 * @param flags       the first 32 bits of Flags (0 when FlagsLength is 0); later words, which no
 *                    KDC defines, are skipped
 */
public record AttributesInfo(long flagsLength, int flags) {
    public static final int PAC_WAS_REQUESTED = 0x1;
    public static final int PAC_WAS_GIVEN_IMPLICITLY = 0x2;

    public boolean pacWasRequested() {
        return (flags & PAC_WAS_REQUESTED) != 0;
    }

    public boolean pacWasGivenImplicitly() {
        return (flags & PAC_WAS_GIVEN_IMPLICITLY) != 0;
    }
}
