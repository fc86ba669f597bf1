package org.bossa.identity.winbind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One request as a winbindd client sends it: the fixed {@code struct winbindd_request} (2136 bytes on
 * a 64-bit host, little-endian) followed by {@code extra_len} bytes of extra data.
 *
 * <p>Offsets were measured by compiling Samba 4.17's winbind_struct_protocol.h with gcc on x86-64;
 * the struct is declared the same size on 32- and 64-bit builds. Fields of the {@code data} union are
 * read by the command that needs them through {@link #dataString} and {@link #dataU32}, which validate
 * against the union's size, so one request type serves every command.
 */
public final class WinbindRequest {
    public static final int SIZE = 2136;
    static final int OFF_LENGTH = 0;
    static final int OFF_CMD = 4;
    static final int OFF_PID = 12;
    static final int OFF_WB_FLAGS = 16;
    static final int OFF_FLAGS = 20;
    static final int OFF_DOMAIN_NAME = 24;
    static final int OFF_CLIENT_NAME = 280;
    static final int OFF_DATA = 320;
    static final int OFF_EXTRA_LEN = 2128;
    /** {@code fstring}: Samba's fixed string buffer. */
    public static final int FSTRING = 256;
    public static final int DATA_SIZE = 1800;
    static final int CLIENT_NAME_SIZE = 32;
    /** Largest extra data accepted (winbindd allows 128 KiB unprivileged; NTLMv2 blobs on the privileged pipe can be larger). */
    public static final int MAX_EXTRA = 1024 * 1024;

    // offsets inside the data union (relative to OFF_DATA)
    public static final int D_AUTH_USER = 0;
    public static final int D_AUTH_PASS = 256;
    public static final int D_AUTH_REQUIRE_SID = 512;
    public static final int D_AUTH_REQUIRE_SID_SIZE = 1024;
    public static final int D_CRAP_CHAL = 0;
    public static final int D_CRAP_LOGON_PARAMETERS = 8;
    public static final int D_CRAP_USER = 12;
    public static final int D_CRAP_DOMAIN = 268;
    public static final int D_CRAP_LM_RESP = 524;
    public static final int D_CRAP_LM_RESP_LEN = 780;
    public static final int D_CRAP_NT_RESP = 784;
    public static final int D_CRAP_NT_RESP_LEN = 1040;
    public static final int D_CRAP_WORKSTATION = 1044;
    public static final int D_CRAP_REQUIRE_SID = 1300;
    public static final int D_CHAUTHTOK_USER = 0;
    public static final int D_CHAUTHTOK_OLD = 256;
    public static final int D_CHAUTHTOK_NEW = 512;
    public static final int D_NAME_DOMAIN = 0;
    public static final int D_NAME_NAME = 256;

    /** WBFLAG_BIG_NTLMV2_BLOB: the NT response is in the extra data. */
    public static final int WBFLAG_BIG_NTLMV2_BLOB = 0x00010000;

    private final int command;
    private final int pid;
    private final int wbFlags;
    private final int flags;
    private final String domainName;
    private final String clientName;
    private final byte[] data;
    private final byte[] extra;

    private WinbindRequest(int command, int pid, int wbFlags, int flags, String domainName, String clientName,
            byte[] data, byte[] extra) {
        this.command = command;
        this.pid = pid;
        this.wbFlags = wbFlags;
        this.flags = flags;
        this.domainName = domainName;
        this.clientName = clientName;
        this.data = data;
        this.extra = extra;
    }

    /**
     * How many extra bytes follow {@code fixed}, validating the fixed part's length field first (a reader
     * must know this before it reads on).
     */
    public static int extraLength(byte[] fixed) throws WinbindFormatException {
        if (fixed.length != SIZE) {
            throw new WinbindFormatException("request is " + fixed.length + " bytes, not " + SIZE);
        }
        ByteBuffer b = le(fixed);
        int length = b.getInt(OFF_LENGTH);
        if (length != SIZE) {
            throw new WinbindFormatException("length field " + Integer.toUnsignedString(length) + " is not " + SIZE);
        }
        int extraLen = b.getInt(OFF_EXTRA_LEN);
        if (extraLen < 0 || extraLen > MAX_EXTRA) {
            throw new WinbindFormatException("extra_len " + Integer.toUnsignedString(extraLen) + " exceeds " + MAX_EXTRA);
        }
        return extraLen;
    }

    /** Decodes the fixed part and its extra data (exactly {@link #extraLength} bytes). */
    public static WinbindRequest decode(byte[] fixed, byte[] extra) throws WinbindFormatException {
        int extraLen = extraLength(fixed);
        if (extra.length != extraLen) {
            throw new WinbindFormatException("extra data is " + extra.length + " bytes, extra_len says " + extraLen);
        }
        ByteBuffer b = le(fixed);
        String domain = cString(fixed, OFF_DOMAIN_NAME, FSTRING, "domain_name");
        String client = cString(fixed, OFF_CLIENT_NAME, CLIENT_NAME_SIZE, "client_name");
        return new WinbindRequest(b.getInt(OFF_CMD), b.getInt(OFF_PID), b.getInt(OFF_WB_FLAGS), b.getInt(OFF_FLAGS),
                domain, client, Arrays.copyOfRange(fixed, OFF_DATA, OFF_DATA + DATA_SIZE), extra.clone());
    }

    /** The command number as sent (see {@link WinbindCommand#of}). */
    public int command() {
        return command;
    }

    public int pid() {
        return pid;
    }

    public int wbFlags() {
        return wbFlags;
    }

    public int flags() {
        return flags;
    }

    public String domainName() {
        return domainName;
    }

    public String clientName() {
        return clientName;
    }

    public byte[] extra() {
        return extra.clone();
    }

    /** A NUL-terminated UTF-8 string of at most {@code size} bytes at {@code offset} in the data union. */
    public String dataString(int offset, int size) throws WinbindFormatException {
        checkData(offset, size);
        return cString(data, offset, size, "data string at " + offset);
    }

    /**
     * A NUL-terminated UTF-8 secret (a password) of at most {@code size} bytes as characters, so it never
     * becomes an immutable String; the caller wipes the array.
     */
    public char[] dataSecret(int offset, int size) throws WinbindFormatException {
        checkData(offset, size);
        int end = offset;
        while (end < offset + size && data[end] != 0) {
            end++;
        }
        if (end == offset + size) {
            throw new WinbindFormatException("secret at " + offset + " is not NUL-terminated");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(data, offset, end - offset));
        char[] out = new char[chars.remaining()];
        chars.get(out);
        Arrays.fill(chars.array(), '\0');
        return out;
    }

    /** Overwrites the data union and extra data (they may hold passwords or responses) once the request is answered. */
    public void wipe() {
        Arrays.fill(data, (byte) 0);
        Arrays.fill(extra, (byte) 0);
    }

    /** A uint32 of the data union, as an unsigned value. */
    public long dataU32(int offset) throws WinbindFormatException {
        checkData(offset, 4);
        return Integer.toUnsignedLong(le(data).getInt(offset));
    }

    /** {@code size} raw bytes of the data union (challenge, response buffers). */
    public byte[] dataBytes(int offset, int size) throws WinbindFormatException {
        checkData(offset, size);
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    /**
     * The extra data as the text list some commands send (SIDS_TO_XIDS, XIDS_TO_SIDS): it must end in NUL,
     * which is not part of the text.
     */
    public String extraText() throws WinbindFormatException {
        if (extra.length == 0 || extra[extra.length - 1] != 0) {
            throw new WinbindFormatException("extra data is not NUL-terminated");
        }
        return new String(extra, 0, extra.length - 1, StandardCharsets.UTF_8);
    }

    private static void checkData(int offset, int size) throws WinbindFormatException {
        if (offset < 0 || size < 0 || offset > DATA_SIZE - size) {
            throw new WinbindFormatException("data field " + offset + "+" + size + " outside the union");
        }
    }

    static String cString(byte[] b, int offset, int size, String what) throws WinbindFormatException {
        for (int i = offset; i < offset + size; i++) {
            if (b[i] == 0) {
                return new String(b, offset, i - offset, StandardCharsets.UTF_8);
            }
        }
        throw new WinbindFormatException(what + " is not NUL-terminated");
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
