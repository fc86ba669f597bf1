package org.bossa.auth.ntlm;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One AV_PAIR (MS-NLMP 2.2.2.1): AvId (2 bytes), AvLen (2 bytes), Value (AvLen bytes).
 *
 * @param id the AvId
 * @param value the raw value
 */
public record AvPair(int id, byte[] value) {
    public static final int MSV_AV_EOL = 0x0000;
    public static final int MSV_AV_NB_COMPUTER_NAME = 0x0001;
    public static final int MSV_AV_NB_DOMAIN_NAME = 0x0002;
    public static final int MSV_AV_DNS_COMPUTER_NAME = 0x0003;
    public static final int MSV_AV_DNS_DOMAIN_NAME = 0x0004;
    public static final int MSV_AV_DNS_TREE_NAME = 0x0005;
    public static final int MSV_AV_FLAGS = 0x0006;
    public static final int MSV_AV_TIMESTAMP = 0x0007;
    public static final int MSV_AV_SINGLE_HOST = 0x0008;
    public static final int MSV_AV_TARGET_NAME = 0x0009;
    public static final int MSV_AV_CHANNEL_BINDINGS = 0x000A;

    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    public static final int AV_FLAG_MIC_PRESENT = 0x00000002;

    public AvPair {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("AvId " + id);
        }
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("AV value too long");
        }
        value = value.clone();
    }

    public static AvPair ofString(int id, String s) {
        return new AvPair(id, NtlmBytes.encodeString(s, true));
    }

    public static AvPair ofInt(int id, int v) {
        byte[] b = new byte[4];
        NtlmBytes.put32(b, 0, v);
        return new AvPair(id, b);
    }

    public static AvPair ofLong(int id, long v) {
        byte[] b = new byte[8];
        NtlmBytes.put64(b, 0, v);
        return new AvPair(id, b);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as a UTF-16LE string (the name pairs). */
    public String stringValue() throws NtlmDecodingException {
        return NtlmBytes.string(value, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvPair p && p.id == id && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AvPair[" + id + "=" + HexFormat.of().formatHex(value) + "]";
    }
}
