package org.bossa.idmap;

/**
 * An inclusive range of POSIX ids owned by one idmap backend ({@code range = low - high} in Samba).
 * {@code 1 <= low <= high <= 2^32-2}: id 0 is root and {@code (uid_t) -1} means "no id" to
 * {@code chown(2)}. Ids above {@code 2^31-1} are valid but some tools treat uids as signed 32-bit
 * numbers, so a range reaching there deserves a warning ({@link #exceedsSigned32()}).
 *
 * @param low the first id
 * @param high the last id
 */
public record IdRange(long low, long high) {
    /** The highest id a range may hold. */
    public static final long MAX_ID = 0xFFFF_FFFEL;
    /** The highest id every tool handles (signed 32-bit). */
    public static final long MAX_SIGNED_ID = 0x7FFF_FFFFL;

    /** @throws IllegalArgumentException unless {@code 1 <= low <= high <= 2^32-2} */
    public IdRange {
        if (low < 1) {
            throw new IllegalArgumentException("the range starts at " + low + "; ids below 1 cannot be mapped");
        }
        if (high < low) {
            throw new IllegalArgumentException("the range ends (" + high + ") before it starts (" + low + ")");
        }
        if (high > MAX_ID) {
            throw new IllegalArgumentException("the range ends at " + high + ", above the highest id " + MAX_ID);
        }
    }

    /**
     * Parses {@code "low-high"}, with optional blanks around the numbers and the dash (Samba writes
     * {@code "10000 - 999999"}).
     *
     * @throws IllegalArgumentException if the text is not two decimal numbers making a valid range
     */
    public static IdRange parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no range given");
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not of the form LOW-HIGH");
        }
        return new IdRange(number(text.substring(0, dash), text), number(text.substring(dash + 1), text));
    }

    private static long number(String part, String whole) {
        String digits = part.strip();
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + whole + "' is not of the form LOW-HIGH");
        }
        return Long.parseLong(digits);
    }

    public boolean contains(long id) {
        return id >= low && id <= high;
    }

    /** The number of ids in the range. */
    public long size() {
        return high - low + 1;
    }

    public boolean overlaps(IdRange other) {
        return low <= other.high && other.low <= high;
    }

    /** True if the range holds ids above {@code 2^31-1}. */
    public boolean exceedsSigned32() {
        return high > MAX_SIGNED_ID;
    }

    @Override
    public String toString() {
        return low + "-" + high;
    }
}
