package org.bossa.fscc;

import java.util.Objects;

/**
 * One entry of a QUERY_DIRECTORY reply before encoding.
 *
 * @param fileName  the entry's name within the directory (no path), never empty
 * @param shortName the 8.3 name for the Both classes; "" or null when there is none (ShortNameLength 0);
 *                  at most 12 UTF-16 code units
 * @param info      sizes, times, attributes, ids; {@link FileInfo#name()} is not used here
 */
public record DirectoryEntry(String fileName, String shortName, FileInfo info) {
    public DirectoryEntry {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(info, "info");
        if (shortName == null) {
            shortName = "";
        }
        if (shortName.length() > 12) {
            throw new IllegalArgumentException("8.3 name longer than 12 characters: " + shortName);
        }
    }

    public DirectoryEntry(String fileName, FileInfo info) {
        this(fileName, "", info);
    }
}
