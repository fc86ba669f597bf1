package org.bossa.vfs;

/**
 * How to open a file: access, creation and the kind of object expected. Immutable; start from
 * {@link #path()}, {@link #read()}, {@link #write()} or {@link #readWrite()} and refine.
 *
 * <pre>{@code
 * OpenMode.readWrite().create(0644)            // FILE_OPEN_IF
 * OpenMode.readWrite().createNew(0644)         // FILE_CREATE
 * OpenMode.readWrite().create(0644).truncate() // FILE_OVERWRITE_IF / FILE_SUPERSEDE
 * OpenMode.path().directory()                  // a directory handle for stat and attributes
 * OpenMode.path().noFollow()                   // the symlink itself
 * }</pre>
 *
 * @param access     what the descriptor may do; {@link Access#PATH} is O_PATH (stat, xattrs and
 *                   attributes, no data), usable on files the server cannot read
 * @param create     O_CREAT
 * @param exclusive  O_EXCL (with create)
 * @param truncateOnOpen O_TRUNC (needs write access)
 * @param kind       directory-only (O_DIRECTORY), non-directory (checked after open) or either
 * @param noFollowLast O_NOFOLLOW on the last component
 * @param createMode permission bits for a created file (the process umask applies)
 */
public record OpenMode(Access access, boolean create, boolean exclusive, boolean truncateOnOpen, Kind kind,
        boolean noFollowLast, int createMode) {

    public enum Access { PATH, READ, WRITE, READ_WRITE }

    public enum Kind { ANY, DIRECTORY, NON_DIRECTORY }

    public OpenMode {
        if (access == null || kind == null) {
            throw new IllegalArgumentException("access and kind are required");
        }
        if (access == Access.PATH && (create || truncateOnOpen)) {
            throw new IllegalArgumentException("O_PATH cannot create or truncate");
        }
        if (truncateOnOpen && !writable(access)) {
            throw new IllegalArgumentException("truncate needs write access");
        }
        if (exclusive && !create) {
            throw new IllegalArgumentException("exclusive needs create");
        }
        if (create && kind == Kind.DIRECTORY) {
            throw new IllegalArgumentException("create directories with ShareRoot.mkdir");
        }
        if ((createMode & ~07777) != 0) {
            throw new IllegalArgumentException("createMode has bits outside 07777");
        }
    }

    public static OpenMode path() {
        return new OpenMode(Access.PATH, false, false, false, Kind.ANY, false, 0);
    }

    public static OpenMode read() {
        return new OpenMode(Access.READ, false, false, false, Kind.ANY, false, 0);
    }

    public static OpenMode write() {
        return new OpenMode(Access.WRITE, false, false, false, Kind.ANY, false, 0);
    }

    public static OpenMode readWrite() {
        return new OpenMode(Access.READ_WRITE, false, false, false, Kind.ANY, false, 0);
    }

    /** O_CREAT: open the file, creating it with {@code mode} if it does not exist. */
    public OpenMode create(int mode) {
        return new OpenMode(access, true, false, truncateOnOpen, kind, noFollowLast, mode);
    }

    /** O_CREAT|O_EXCL: create the file; fail with OBJECT_NAME_COLLISION if it exists. */
    public OpenMode createNew(int mode) {
        return new OpenMode(access, true, true, truncateOnOpen, kind, noFollowLast, mode);
    }

    public OpenMode truncate() {
        return new OpenMode(access, create, exclusive, true, kind, noFollowLast, createMode);
    }

    public OpenMode directory() {
        return new OpenMode(access, create, exclusive, truncateOnOpen, Kind.DIRECTORY, noFollowLast, createMode);
    }

    public OpenMode nonDirectory() {
        return new OpenMode(access, create, exclusive, truncateOnOpen, Kind.NON_DIRECTORY, noFollowLast, createMode);
    }

    public OpenMode noFollow() {
        return new OpenMode(access, create, exclusive, truncateOnOpen, kind, true, createMode);
    }

    /** The same mode without creation or truncation, as used by {@link FileHandle#reopen}. */
    public OpenMode withoutCreate() {
        return new OpenMode(access, false, false, false, kind, noFollowLast, 0);
    }

    public boolean readable() {
        return access == Access.READ || access == Access.READ_WRITE;
    }

    public boolean writable() {
        return writable(access);
    }

    private static boolean writable(Access a) {
        return a == Access.WRITE || a == Access.READ_WRITE;
    }
}
