package org.bossa.smb2.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bossa.smb2.wire.NtStatus;

/**
 * Client path names (MS-SMB2 2.2.13: relative to the share, '\' separated) turned into components.
 * Component validity (reserved characters, "..") is the VFS's job ({@code Names}); this class handles
 * the SMB-level syntax: no leading separator, the default data stream suffix, empty components.
 */
final class ShareNames {
    private static final String DEFAULT_STREAM = "::$DATA";

    private ShareNames() {
    }

    /** Components of a CREATE name; an empty name is the share root (no components). */
    static List<String> components(String name) {
        if (name.isEmpty()) {
            return List.of();
        }
        if (name.charAt(0) == '\\') {
            // MS-SMB2 3.3.5.9, and Samba 4.17 (smbtorture smb2.create.leading-slash).
            throw new SmbStatusException(NtStatus.INVALID_PARAMETER, "name starts with a separator");
        }
        String n = name;
        if (n.toUpperCase(Locale.ROOT).endsWith(DEFAULT_STREAM)) {
            n = n.substring(0, n.length() - DEFAULT_STREAM.length());
        }
        if (n.endsWith("\\")) {
            n = n.substring(0, n.length() - 1); // "dir\" names the directory
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= n.length(); i++) {
            if (i == n.length() || n.charAt(i) == '\\') {
                String c = n.substring(start, i);
                if (c.isEmpty()) {
                    throw new SmbStatusException(NtStatus.OBJECT_NAME_INVALID, "empty path component");
                }
                if (c.indexOf(':') >= 0) {
                    // Named streams are not stored yet.
                    throw new SmbStatusException(NtStatus.OBJECT_NAME_INVALID, "named streams are not supported");
                }
                out.add(c);
                start = i + 1;
            }
        }
        return out;
    }

    /** The on-disk relative path as the client sees it: "\dir\file", "\" for the root. */
    static String toClient(String relPath) {
        if (relPath.equals(".") || relPath.isEmpty()) {
            return "\\";
        }
        return "\\" + relPath.replace('/', '\\');
    }

    /** Last component of an on-disk relative path. */
    static String baseName(String relPath) {
        int slash = relPath.lastIndexOf('/');
        return slash < 0 ? relPath : relPath.substring(slash + 1);
    }

    /** Parent of an on-disk relative path, "." for top-level names. */
    static String parent(String relPath) {
        int slash = relPath.lastIndexOf('/');
        return slash < 0 ? "." : relPath.substring(0, slash);
    }
}
