package org.bossa.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.MD4Digest;

/** NT one-way function (MS-NLMP 3.3.1): MD4 of the UTF-16LE password. */
public final class NtHash {
    private NtHash() {
    }

    public static byte[] of(String password) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(pw, 0, pw.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        Arrays.fill(pw, (byte) 0);
        return out;
    }
}
