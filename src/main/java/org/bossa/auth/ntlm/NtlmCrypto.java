package org.bossa.auth.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/** The NTLMv2 functions of MS-NLMP 3.3.2 and the primitives under them. */
public final class NtlmCrypto {
    private NtlmCrypto() {
    }

    public static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }

    public static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** RC4K(key, data): a fresh RC4 stream over {@code data}. */
    public static byte[] rc4(byte[] key, byte[] data) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        byte[] out = new byte[data.length];
        rc4.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /**
     * NTOWFv2 = HMAC_MD5(NT hash, UNICODE(Uppercase(User) || UserDom)) (MS-NLMP 3.3.2). The user name is
     * uppercased, the domain is used exactly as given.
     */
    public static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        byte[] id = (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE);
        return hmacMd5(ntHash, id);
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge || temp). */
    public static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] clientChallengeBlob) {
        return hmacMd5(responseKeyNt, serverChallenge, clientChallengeBlob);
    }

    /** SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); for NTLMv2 it is also the KeyExchangeKey. */
    public static byte[] sessionBaseKey(byte[] responseKeyNt, byte[] ntProofStr) {
        return hmacMd5(responseKeyNt, ntProofStr);
    }

    /** Constant-time comparison. */
    public static boolean equal(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }
}
