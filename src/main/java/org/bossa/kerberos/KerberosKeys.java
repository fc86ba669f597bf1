package org.bossa.kerberos;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.enc.provider.Aes128Provider;
import org.apache.kerby.kerberos.kerb.crypto.enc.provider.Aes256Provider;
import org.apache.kerby.kerberos.kerb.crypto.key.AesKeyMaker;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * Long-term keys from a password: RFC 3962 section 4 for AES (PBKDF2-HMAC-SHA1 over the UTF-8
 * password and the salt, then DK(tkey, "kerberos")), and RFC 4757 section 3 for RC4-HMAC
 * (MD4 of the UTF-16LE password, no salt). The password stays a char[] throughout: it is never
 * turned into a String, and the intermediate byte arrays are wiped.
 */
public final class KerberosKeys {
    /** RFC 3962 4: the default iteration count when the KDC sends no s2kparams. */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** A KDC could ask for any count; MIT refuses more than this to bound the work. */
    static final int MAX_ITERATIONS = 1 << 24;
    private static final byte[] KERBEROS = "kerberos".getBytes(StandardCharsets.US_ASCII);

    private KerberosKeys() {
    }

    /** The key for {@code etype} from a password and a text salt, with the default parameters. */
    public static EncryptionKey fromPassword(char[] password, String salt, EncryptionType etype) throws KerberosException {
        return fromPassword(password, salt.getBytes(StandardCharsets.UTF_8), null, etype);
    }

    /** One key for each of {@code etypes}, all from the same password and salt. */
    public static List<EncryptionKey> fromPassword(char[] password, String salt, List<EncryptionType> etypes)
            throws KerberosException {
        List<EncryptionKey> keys = new ArrayList<>(etypes.size());
        for (EncryptionType e : etypes) {
            keys.add(fromPassword(password, salt, e));
        }
        return keys;
    }

    /**
     * The key for {@code etype}. {@code s2kparams} is the KDC's string-to-key parameter (for AES,
     * a 4-byte big-endian iteration count) or null for the default.
     */
    public static EncryptionKey fromPassword(char[] password, byte[] salt, byte[] s2kparams, EncryptionType etype)
            throws KerberosException {
        return switch (etype.getValue()) {
            case 17 -> new EncryptionKey(EncryptionType.AES128_CTS_HMAC_SHA1_96,
                    aes(password, salt, iterations(s2kparams), 16));
            case 18 -> new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
                    aes(password, salt, iterations(s2kparams), 32));
            case 23 -> new EncryptionKey(EncryptionType.ARCFOUR_HMAC, rc4(password));
            default -> throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED,
                    "no string-to-key for encryption type " + etype.getValue());
        };
    }

    static int iterations(byte[] s2kparams) throws KerberosException {
        if (s2kparams == null || s2kparams.length == 0) {
            return DEFAULT_ITERATIONS;
        }
        if (s2kparams.length != 4) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR,
                    "AES s2kparams of " + s2kparams.length + " bytes (RFC 3962 4 wants 4)");
        }
        long n = ((s2kparams[0] & 0xFFL) << 24) | ((s2kparams[1] & 0xFF) << 16) | ((s2kparams[2] & 0xFF) << 8)
                | (s2kparams[3] & 0xFF);
        if (n < 1 || n > MAX_ITERATIONS) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "AES iteration count " + n + " out of range");
        }
        return (int) n;
    }

    private static byte[] aes(char[] password, byte[] salt, int iterations, int keyBytes) throws KerberosException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        byte[] tkey = null;
        try {
            // SunJCE encodes the char[] as UTF-8, which RFC 3962 requires (checked by the g-clef vector).
            tkey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
            AesKeyMaker maker = new AesKeyMaker(keyBytes == 16 ? new Aes128Provider() : new Aes256Provider());
            return maker.dk(tkey, KERBEROS);
        } catch (GeneralSecurityException | KrbException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "AES string-to-key failed: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            if (tkey != null) {
                Arrays.fill(tkey, (byte) 0);
            }
        }
    }

    private static byte[] rc4(char[] password) {
        byte[] utf16 = new byte[password.length * 2];
        for (int i = 0; i < password.length; i++) {
            utf16[2 * i] = (byte) password[i];
            utf16[2 * i + 1] = (byte) (password[i] >>> 8);
        }
        MD4Digest md4 = new MD4Digest();
        md4.update(utf16, 0, utf16.length);
        Arrays.fill(utf16, (byte) 0);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }
}
