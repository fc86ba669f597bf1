package org.bossa.auth.ntlm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AV_PAIR list as in the CHALLENGE message's TargetInfo and the NTLMv2 client challenge (MS-NLMP 2.2.2.1).
 * The terminating MsvAvEOL is implied: {@link #pairs()} never holds it, {@link #encode()} appends it.
 */
public record AvPairs(List<AvPair> pairs) {

    public AvPairs {
        pairs = List.copyOf(pairs);
        for (AvPair p : pairs) {
            if (p.id() == AvPair.MSV_AV_EOL) {
                throw new IllegalArgumentException("MsvAvEOL is implied, not listed");
            }
        }
    }

    /**
     * Decodes pairs from {@code b[off..end)} up to MsvAvEOL, which must be present; bytes after it (the
     * NTLMv2 response's trailing padding) are ignored.
     */
    public static AvPairs decode(byte[] b, int off, int end) throws NtlmDecodingException {
        if (off < 0 || end > b.length || off > end) {
            throw new NtlmDecodingException("AV list range outside the buffer");
        }
        List<AvPair> list = new ArrayList<>();
        int p = off;
        while (true) {
            if (end - p < 4) {
                throw new NtlmDecodingException("AV list ends without MsvAvEOL");
            }
            int id = NtlmBytes.u16(b, p);
            int len = NtlmBytes.u16(b, p + 2);
            p += 4;
            if (id == AvPair.MSV_AV_EOL) {
                if (len != 0) {
                    throw new NtlmDecodingException("MsvAvEOL with length " + len);
                }
                return new AvPairs(list);
            }
            if (end - p < len) {
                throw new NtlmDecodingException("AV pair " + id + " of " + len + " bytes overruns the list");
            }
            list.add(new AvPair(id, java.util.Arrays.copyOfRange(b, p, p + len)));
            p += len;
        }
    }

    public static AvPairs decode(byte[] b) throws NtlmDecodingException {
        return decode(b, 0, b.length);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] hdr = new byte[4];
        for (AvPair p : pairs) {
            byte[] v = p.value();
            NtlmBytes.put16(hdr, 0, p.id());
            NtlmBytes.put16(hdr, 2, v.length);
            out.writeBytes(hdr);
            out.writeBytes(v);
        }
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    /** The first pair with this id. */
    public Optional<AvPair> find(int id) {
        return pairs.stream().filter(p -> p.id() == id).findFirst();
    }

    /** MsvAvFlags, or 0 when absent. */
    public int flags() throws NtlmDecodingException {
        Optional<AvPair> f = find(AvPair.MSV_AV_FLAGS);
        if (f.isEmpty()) {
            return 0;
        }
        byte[] v = f.get().value();
        if (v.length != 4) {
            throw new NtlmDecodingException("MsvAvFlags of " + v.length + " bytes");
        }
        return NtlmBytes.u32(v, 0);
    }
}
