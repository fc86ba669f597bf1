package org.bossa.smb2.wire;

/** SMB2 header Command field (MS-SMB2 2.2.1). */
public enum Smb2Command {
    NEGOTIATE(0x0000),
    SESSION_SETUP(0x0001),
    LOGOFF(0x0002),
    TREE_CONNECT(0x0003),
    TREE_DISCONNECT(0x0004),
    CREATE(0x0005),
    CLOSE(0x0006),
    FLUSH(0x0007),
    READ(0x0008),
    WRITE(0x0009),
    LOCK(0x000A),
    IOCTL(0x000B),
    CANCEL(0x000C),
    ECHO(0x000D),
    QUERY_DIRECTORY(0x000E),
    CHANGE_NOTIFY(0x000F),
    QUERY_INFO(0x0010),
    SET_INFO(0x0011),
    OPLOCK_BREAK(0x0012);

    private static final Smb2Command[] BY_CODE = values();

    private final int code;

    Smb2Command(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The command for a wire value, or null when the value names no command (caller answers INVALID_PARAMETER). */
    public static Smb2Command fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
