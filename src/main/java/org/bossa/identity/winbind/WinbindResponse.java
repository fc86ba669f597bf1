package org.bossa.identity.winbind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One answer in the form of {@code struct winbindd_response} (4008 bytes, little-endian) followed by
 * its extra data. {@code length} counts both; the extra_data slot (a pointer in winbindd's memory) is
 * sent as zero, clients ignore it.
 *
 * <p>Offsets are relative to the {@code data} union (which starts at byte 8), measured by compiling
 * Samba 4.17's header on x86-64. Strings are copied as winbindd's {@code fstrcpy} does: cut to fit,
 * always NUL-terminated; the cut is made on a UTF-8 character boundary.
 */
public final class WinbindResponse {
    public static final int SIZE = 4008;
    static final int OFF_LENGTH = 0;
    static final int OFF_RESULT = 4;
    static final int OFF_DATA = 8;
    static final int DATA_SIZE = 3992;
    static final int FSTRING = WinbindRequest.FSTRING;

    /** enum winbindd_result. */
    public static final int RESULT_ERROR = 0;
    public static final int RESULT_OK = 2;

    /** struct winbindd_pw (1288 bytes). */
    public static final int PW_SIZE = 1288;
    public static final int PW_NAME = 0;
    public static final int PW_PASSWD = 256;
    public static final int PW_UID = 512;
    public static final int PW_GID = 516;
    public static final int PW_GECOS = 520;
    public static final int PW_DIR = 776;
    public static final int PW_SHELL = 1032;

    /** struct winbindd_gr (524 bytes). */
    public static final int GR_SIZE = 524;
    public static final int GR_NAME = 0;
    public static final int GR_PASSWD = 256;
    public static final int GR_GID = 512;
    public static final int GR_NUM_MEM = 516;
    public static final int GR_MEM_OFS = 520;

    /** Single fields of the union. */
    public static final int D_INTERFACE_VERSION = 0;
    public static final int D_NUM_ENTRIES = 0;
    public static final int D_SID_SID = 0;
    public static final int D_SID_TYPE = 256;
    public static final int D_NAME_DOMAIN = 0;
    public static final int D_NAME_NAME = 256;
    public static final int D_NAME_TYPE = 512;
    public static final int D_INFO_SEPARATOR = 0;
    public static final int D_INFO_VERSION = 1;
    public static final int D_DOMAIN_NAME = 0;
    public static final int D_DOMINFO_NAME = 0;
    public static final int D_DOMINFO_ALT_NAME = 256;
    public static final int D_DOMINFO_SID = 512;
    public static final int D_DOMINFO_NATIVE = 768;
    public static final int D_DOMINFO_AD = 769;
    public static final int D_DOMINFO_PRIMARY = 770;

    /** struct auth_reply. */
    public static final int D_AUTH_NT_STATUS = 0;
    public static final int D_AUTH_NT_STATUS_STRING = 4;
    public static final int D_AUTH_ERROR_STRING = 260;
    public static final int D_AUTH_PAM_ERROR = 516;
    public static final int D_AUTH_AUTHORITATIVE = 804;
    // data.auth.info3 (struct info3_text), offsets measured against Samba 4.17's header with gcc
    public static final int D_AUTH_INFO3_USER_RID = 896;
    public static final int D_AUTH_INFO3_GROUP_RID = 900;
    public static final int D_AUTH_INFO3_NUM_GROUPS = 904;
    public static final int D_AUTH_INFO3_NUM_OTHER_SIDS = 916;
    public static final int D_AUTH_INFO3_DOM_SID = 920;
    public static final int D_AUTH_INFO3_USER_NAME = 1176;
    public static final int D_AUTH_INFO3_FULL_NAME = 1432;
    public static final int D_AUTH_INFO3_LOGON_DOM = 2968;
    public static final int D_AUTH_UNIX_USERNAME = 3736;

    private final byte[] data = new byte[DATA_SIZE];
    private final ByteBuffer view = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteArrayOutputStream extra = new ByteArrayOutputStream();
    private int result = RESULT_OK;

    public static WinbindResponse ok() {
        return new WinbindResponse();
    }

    public static WinbindResponse error() {
        return new WinbindResponse().result(RESULT_ERROR);
    }

    public WinbindResponse result(int value) {
        this.result = value;
        return this;
    }

    public int result() {
        return result;
    }

    public WinbindResponse putU32(int offset, long value) {
        view.putInt(offset, (int) value);
        return this;
    }

    public WinbindResponse putByte(int offset, int value) {
        data[offset] = (byte) value;
        return this;
    }

    /** Copies {@code s} into the {@code size}-byte field at {@code offset}, cut to fit, NUL-terminated. */
    public WinbindResponse putString(int offset, int size, String s) {
        byte[] b = fit(s, size - 1);
        System.arraycopy(b, 0, data, offset, b.length);
        data[offset + b.length] = 0;
        return this;
    }

    /** Appends raw bytes to the extra data. */
    public WinbindResponse appendExtra(byte[] b) {
        extra.writeBytes(b);
        return this;
    }

    /** Appends a string to the extra data (no terminator: callers add the separators the command uses). */
    public WinbindResponse appendExtra(String s) {
        return appendExtra(s.getBytes(StandardCharsets.UTF_8));
    }

    public int extraLength() {
        return extra.size();
    }

    /** A struct winbindd_pw laid out at {@code offset} of {@code out}. */
    static void putPw(ByteBuffer out, int offset, String name, long uid, long gid, String gecos, String dir, String shell) {
        putFstring(out, offset + PW_NAME, name);
        putFstring(out, offset + PW_PASSWD, "*");
        out.putInt(offset + PW_UID, (int) uid);
        out.putInt(offset + PW_GID, (int) gid);
        putFstring(out, offset + PW_GECOS, gecos);
        putFstring(out, offset + PW_DIR, dir);
        putFstring(out, offset + PW_SHELL, shell);
    }

    /** A struct winbindd_gr laid out at {@code offset} of {@code out}. */
    static void putGr(ByteBuffer out, int offset, String name, long gid, int numMembers, int memOffset) {
        putFstring(out, offset + GR_NAME, name);
        putFstring(out, offset + GR_PASSWD, "x");
        out.putInt(offset + GR_GID, (int) gid);
        out.putInt(offset + GR_NUM_MEM, numMembers);
        out.putInt(offset + GR_MEM_OFS, memOffset);
    }

    /** The data union as a little-endian buffer, for {@link #putPw} and {@link #putGr}. */
    ByteBuffer dataView() {
        return view;
    }

    private static void putFstring(ByteBuffer out, int offset, String s) {
        byte[] b = fit(s, FSTRING - 1);
        out.put(offset, b);
        out.put(offset + b.length, (byte) 0);
    }

    /** UTF-8 of {@code s}, at most {@code max} bytes, never ending inside a character. */
    static byte[] fit(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) {
            return b;
        }
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--; // b[end] continues a character: cut before that character starts
        }
        byte[] cut = new byte[end];
        System.arraycopy(b, 0, cut, 0, end);
        return cut;
    }

    /** The bytes on the wire. */
    public byte[] encode() {
        byte[] out = new byte[SIZE + extra.size()];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(OFF_LENGTH, out.length);
        b.putInt(OFF_RESULT, result);
        System.arraycopy(data, 0, out, OFF_DATA, DATA_SIZE);
        System.arraycopy(extra.toByteArray(), 0, out, SIZE, extra.size());
        return out;
    }
}
