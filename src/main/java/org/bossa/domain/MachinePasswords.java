package org.bossa.domain;

import java.security.SecureRandom;

/**
 * Random machine account passwords: 120 characters (what Windows and Samba use) drawn uniformly
 * from printable ASCII, so any password policy's complexity rule is met and the password survives
 * every encoding on the way (LDAP unicodePwd, Kerberos set-password, Netlogon).
 */
public final class MachinePasswords {
    /** Length of a generated machine password, in characters. */
    public static final int LENGTH = 120;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MachinePasswords() {
    }

    /** A fresh random password, with at least one upper, lower, digit and symbol character. */
    public static char[] generate() {
        while (true) {
            char[] p = new char[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                p[i] = (char) ('!' + RANDOM.nextInt('~' - '!' + 1));
            }
            if (complex(p)) {
                return p;
            }
        }
    }

    private static boolean complex(char[] p) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : p) {
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
            symbol |= !Character.isLetterOrDigit(c);
        }
        return upper && lower && digit && symbol;
    }
}
