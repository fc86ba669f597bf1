package org.bossa.store;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Machine SIDs of the form {@code S-1-5-21-a-b-c}: the NT authority, the non-unique domain
 * prefix 21, and three unsigned 32-bit sub-authorities (MS-DTYP 2.4.2.4), as Windows and Samba
 * generate them for a machine's local account domain.
 */
public final class MachineSids {
    private static final Pattern FORM = Pattern.compile("S-1-5-21-(\\d{1,10})-(\\d{1,10})-(\\d{1,10})");

    private MachineSids() {
    }

    /** A new machine SID with three sub-authorities drawn from {@code random}. */
    public static String generate(RandomGenerator random) {
        return "S-1-5-21-" + Integer.toUnsignedString(random.nextInt())
                + "-" + Integer.toUnsignedString(random.nextInt())
                + "-" + Integer.toUnsignedString(random.nextInt());
    }

    /** Whether {@code sid} has the form {@link #generate} produces. */
    public static boolean isValid(String sid) {
        if (sid == null) {
            return false;
        }
        var m = FORM.matcher(sid);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 3; i++) {
            if (Long.parseLong(m.group(i)) > 0xFFFF_FFFFL) {
                return false;
            }
        }
        return true;
    }
}
