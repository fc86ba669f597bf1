package org.bossa.rpc.srvsvc;

import java.util.Set;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NDR layouts of srvsvc_NetShareInfoN and srvsvc_NetShareCtrN (Samba librpc/idl/srvsvc.idl; MS-SRVS
 * 2.2.4.22 onwards). Strings are {@code [string] wchar_t*} unique pointers, deferred after the
 * structure (or after the whole array).
 */
final class ShareInfoCodec {
    /** The [case()] arms of the srvsvc_NetShareInfo and srvsvc_NetShareCtr unions; others take the empty default arm. */
    static final Set<Integer> UNION_CASES = Set.of(0, 1, 2, 501, 502, 1004, 1005, 1006, 1007, 1501);
    /** Levels NetrShareEnum answers. */
    static final Set<Integer> ENUM_LEVELS = Set.of(0, 1, 2);
    /** Levels NetrShareGetInfo answers. */
    static final Set<Integer> GET_LEVELS = Set.of(0, 1, 2, 501, 1004, 1005);
    /** Levels that reveal the local path or the security descriptor: administrators only. */
    static final Set<Integer> ADMIN_LEVELS = Set.of(2, 502, 503, 1501);

    /** SHARE_INFO_2 shi2_max_uses: no limit. */
    static final int MAX_USES_UNLIMITED = 0xFFFFFFFF;

    /**
     * Wire shape of each level's structure, used to read (and discard) what a client sends in an
     * [in,out] container: p = string pointer, u = uint32, s = sec_desc_buf (uint32 size, pointer to
     * a conformant byte array).
     */
    private static String shape(int level) {
        return switch (level) {
            case 0, 1004 -> "p";
            case 1 -> "pup";
            case 2 -> "pupuuupp";
            case 501 -> "pupu";
            case 502 -> "pupuuupps";
            case 1005, 1006 -> "u";
            case 1007 -> "up";
            case 1501 -> "s";
            default -> throw new NdrException("no share info level " + level);
        };
    }

    private ShareInfoCodec() {
    }

    /** Writes the scalars of one srvsvc_NetShareInfo{level}; string pointees are deferred. */
    static void write(NdrWriter w, int level, ShareEntry s) {
        switch (level) {
            case 0 -> w.stringPointer(s.name());
            case 1 -> {
                w.stringPointer(s.name());
                w.u32(s.type());
                w.stringPointer(s.comment());
            }
            case 2 -> {
                w.stringPointer(s.name());
                w.u32(s.type());
                w.stringPointer(s.comment());
                w.u32(0);                  // permissions (ignored on user-level servers)
                w.u32(MAX_USES_UNLIMITED); // max_users
                w.u32(0);                  // current_users
                w.stringPointer(windowsPath(s.path()));
                w.stringPointer(null);     // password
            }
            case 501 -> {
                w.stringPointer(s.name());
                w.u32(s.type());
                w.stringPointer(s.comment());
                w.u32(0);                  // csc_policy: manual caching
            }
            case 1004 -> w.stringPointer(s.comment());
            case 1005 -> w.u32(0);         // dfs_flags: not in DFS, CSC policy manual
            default -> throw new IllegalArgumentException("level " + level);
        }
    }

    /** Local path as Windows shows it: {@code /srv/data} becomes {@code C:\srv\data}. */
    static String windowsPath(String path) {
        if (path.isEmpty()) {
            return "";
        }
        return "C:" + path.replace('/', '\\');
    }

    /** Reads and discards the pointee of a srvsvc_NetShareCtr{level}: count, then the array pointer. */
    static void skipCtr(NdrReader r, int level) {
        String shape = shape(level);
        int count = r.u32();
        r.uniquePointer(rr -> {
            int n = rr.conformance(4 * shape.length());
            if (n != count) {
                throw new NdrException("array size " + n + " != count " + count);
            }
            for (int i = 0; i < n; i++) {
                skipElement(rr, shape);
            }
        });
    }

    private static void skipElement(NdrReader r, String shape) {
        for (int i = 0; i < shape.length(); i++) {
            switch (shape.charAt(i)) {
                case 'p' -> r.uniquePointer(NdrReader::conformantVaryingString);
                case 'u' -> r.u32();
                case 's' -> {
                    r.u32();
                    r.uniquePointer(rr -> rr.skip(rr.conformance(1)));
                }
                default -> throw new IllegalStateException();
            }
        }
    }
}
