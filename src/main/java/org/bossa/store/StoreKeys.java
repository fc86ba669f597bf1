package org.bossa.store;

/** Checks the names under which records are stored: secret keys, allocator names. */
public final class StoreKeys {
    /** Longest key accepted, in chars. */
    public static final int MAX_LENGTH = 255;

    private StoreKeys() {
    }

    /**
     * Returns {@code key} if it is 1 to {@value #MAX_LENGTH} chars without control characters.
     *
     * @param what what the key names, for the error message
     * @throws IllegalArgumentException otherwise
     */
    public static String require(String what, String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
        return key;
    }
}
