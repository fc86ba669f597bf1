package org.bossa.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A user the server authenticates itself (not through the domain): the NT hash is what NTLM
 * needs (MS-NLMP 3.3.1), the RID makes the user's SID under the machine SID, uid and gid own the
 * user's files on disk.
 *
 * <p>The hash is copied on the way in and on the way out, and never appears in {@link #toString}.
 *
 * @param name the account name, 1 to 64 characters, compared case-insensitively ({@link #nameKey})
 * @param ntHash the NT one-way function of the password, 16 bytes
 * @param rid the relative identifier, positive
 * @param uid the POSIX user id, 0 to 4294967294
 * @param gid the POSIX primary group id, 0 to 4294967294
 * @param enabled whether the account may log on
 * @param passwordLastSet when the password was last set
 */
public record LocalUser(String name, byte[] ntHash, int rid, long uid, long gid, boolean enabled,
        Instant passwordLastSet) {

    public static final int MAX_NAME_LENGTH = 64;
    public static final int NT_HASH_LENGTH = 16;
    /** The largest POSIX id; 4294967295 is (uid_t) -1, "no id". */
    public static final long MAX_POSIX_ID = 0xFFFF_FFFEL;

    /** Characters Windows refuses in account names, plus '@' (the UPN separator). */
    private static final String FORBIDDEN = "\\/:*?\"<>|@[];=+,";

    public LocalUser {
        validateName(name);
        Objects.requireNonNull(ntHash, "ntHash");
        if (ntHash.length != NT_HASH_LENGTH) {
            throw new IllegalArgumentException("NT hash must be " + NT_HASH_LENGTH + " bytes");
        }
        ntHash = ntHash.clone();
        if (rid <= 0) {
            throw new IllegalArgumentException("RID must be positive: " + Integer.toUnsignedString(rid));
        }
        validatePosixId("uid", uid);
        validatePosixId("gid", gid);
        Objects.requireNonNull(passwordLastSet, "passwordLastSet");
    }

    /** A copy of the NT hash. */
    @Override
    public byte[] ntHash() {
        return ntHash.clone();
    }

    /** The key under which names are compared: each char mapped to upper case, as Windows does. */
    public String nameKey() {
        return nameKey(name);
    }

    /** This user with another password hash, set at {@code when}. */
    public LocalUser withNtHash(byte[] newHash, Instant when) {
        return new LocalUser(name, newHash, rid, uid, gid, enabled, when);
    }

    /**
     * The case-insensitive key of an account name: a simple (one char to one char) upper-case
     * mapping, like the upcase table Windows compares names with; {@code ß} stays {@code ß}.
     */
    public static String nameKey(String name) {
        validateName(name);
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toUpperCase(chars[i]);
        }
        return new String(chars);
    }

    /**
     * Checks an account name: 1 to {@value #MAX_NAME_LENGTH} characters, no control characters,
     * none of {@code \ / : * ? " < > | @ [ ] ; = + ,}, no leading or trailing space, and not
     * made of dots and spaces only.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static void validateName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("user name must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("user name longer than " + MAX_NAME_LENGTH + " characters");
        }
        boolean onlyDotsAndSpaces = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("user name contains a control character");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("user name contains the character '" + c + "'");
            }
            if (c != '.' && c != ' ') {
                onlyDotsAndSpaces = false;
            }
        }
        if (onlyDotsAndSpaces) {
            throw new IllegalArgumentException("user name must not consist of dots and spaces only");
        }
        if (Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(name.length() - 1))) {
            throw new IllegalArgumentException("user name must not begin or end with a space");
        }
    }

    /** Refuses an id outside 0 to {@link #MAX_POSIX_ID}; {@code what} names it in the message. */
    public static void validatePosixId(String what, long id) {
        if (id < 0 || id > MAX_POSIX_ID) {
            throw new IllegalArgumentException(what + " out of range 0-" + MAX_POSIX_ID + ": " + id);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalUser u
                && name.equals(u.name)
                && Arrays.equals(ntHash, u.ntHash)
                && rid == u.rid
                && uid == u.uid
                && gid == u.gid
                && enabled == u.enabled
                && passwordLastSet.equals(u.passwordLastSet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(ntHash), rid, uid, gid, enabled, passwordLastSet);
    }

    /** Everything but the hash. */
    @Override
    public String toString() {
        return "LocalUser[name=" + name + ", rid=" + rid + ", uid=" + uid + ", gid=" + gid
                + ", enabled=" + enabled + ", passwordLastSet=" + passwordLastSet + "]";
    }
}
