package org.bossa.smb2.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keys of one authenticated SMB2 session, from the server's point of view (MS-SMB2 3.3.5.5.3).
 *
 * <p>The arrays are shared, not copied: treat them as read-only.
 *
 * @param signingKey Session.SigningKey (16 bytes)
 * @param encryptionKey Session.EncryptionKey: server to client ("ServerOut", "SMBS2CCipherKey"), 16 or 32
 *     bytes; {@code null} when no cipher applies
 * @param decryptionKey Session.DecryptionKey: client to server ("ServerIn ", "SMBC2SCipherKey"); {@code null}
 *     when no cipher applies
 * @param applicationKey Session.ApplicationKey (16 bytes), what named-pipe RPC (e.g. SAMR) gets as the session key
 */
public record SessionKeys(byte[] signingKey, byte[] encryptionKey, byte[] decryptionKey, byte[] applicationKey) {

    public static final int DIALECT_2_0_2 = 0x0202;
    public static final int DIALECT_2_1 = 0x0210;
    public static final int DIALECT_3_0 = 0x0300;
    public static final int DIALECT_3_0_2 = 0x0302;
    public static final int DIALECT_3_1_1 = 0x0311;

    private static final byte[] LABEL_30_SIGN = cstr("SMB2AESCMAC");
    private static final byte[] CONTEXT_30_SIGN = cstr("SmbSign");
    private static final byte[] LABEL_30_APP = cstr("SMB2APP");
    private static final byte[] CONTEXT_30_APP = cstr("SmbRpc");
    private static final byte[] LABEL_30_CIPHER = cstr("SMB2AESCCM");
    private static final byte[] CONTEXT_30_SERVER_OUT = cstr("ServerOut");
    private static final byte[] CONTEXT_30_SERVER_IN = cstr("ServerIn ");

    private static final byte[] LABEL_311_SIGN = cstr("SMBSigningKey");
    private static final byte[] LABEL_311_APP = cstr("SMBAppKey");
    private static final byte[] LABEL_311_S2C = cstr("SMBS2CCipherKey");
    private static final byte[] LABEL_311_C2S = cstr("SMBC2SCipherKey");

    /**
     * Derives the session's keys.
     *
     * <ul>
     *   <li>2.0.2, 2.1: signing and application key = Session.SessionKey (the first 16 bytes of the GSS key,
     *       right-padded with zeros); no encryption keys. {@code cipher} must be null.
     *   <li>3.0, 3.0.2: SP800-108 with the constant labels and contexts; {@code cipher} is null (client not
     *       encryption-capable) or AES-128-CCM, the only 3.0.x cipher; {@code preauthHash} must be null.
     *   <li>3.1.1: labels "SMBSigningKey", "SMBAppKey", "SMBS2CCipherKey", "SMBC2SCipherKey" with the session's
     *       64-byte preauth hash as context. For AES-256 ciphers the encryption and decryption keys are 256
     *       bits (L = 256) and are derived from the full GSS key (Session.FullSessionKey: 32 bytes for a
     *       Kerberos AES-256 key, 16 for NTLM); the signing and application keys always use the 16-byte
     *       Session.SessionKey and L = 128 (MS-SMB2 3.1.4.2, 3.3.5.5.3).
     * </ul>
     *
     * @param dialect the connection's dialect, 0x0202 to 0x0311
     * @param sessionKey the full cryptographic key from the GSS context (not empty)
     * @param preauthHash the session's preauth integrity hash (3.1.1 only), else null
     * @param cipher the connection's cipher, or null if none
     */
    public static SessionKeys derive(int dialect, byte[] sessionKey, byte[] preauthHash, CipherId cipher) {
        if (sessionKey == null || sessionKey.length == 0) {
            throw new IllegalArgumentException("session key must not be empty");
        }
        byte[] key16 = Arrays.copyOf(sessionKey, 16);
        switch (dialect) {
            case DIALECT_2_0_2, DIALECT_2_1 -> {
                requireNull(preauthHash, cipher, dialect);
                return new SessionKeys(key16, null, null, key16.clone());
            }
            case DIALECT_3_0, DIALECT_3_0_2 -> {
                if (preauthHash != null) {
                    throw new IllegalArgumentException("preauth hash applies to dialect 3.1.1 only");
                }
                if (cipher != null && cipher != CipherId.AES_128_CCM) {
                    throw new IllegalArgumentException("dialect 3.0.x supports AES-128-CCM only, not " + cipher);
                }
                byte[] signing = Kdf.sp800108(key16, LABEL_30_SIGN, CONTEXT_30_SIGN, 128);
                byte[] app = Kdf.sp800108(key16, LABEL_30_APP, CONTEXT_30_APP, 128);
                byte[] enc = null;
                byte[] dec = null;
                if (cipher != null) {
                    enc = Kdf.sp800108(key16, LABEL_30_CIPHER, CONTEXT_30_SERVER_OUT, 128);
                    dec = Kdf.sp800108(key16, LABEL_30_CIPHER, CONTEXT_30_SERVER_IN, 128);
                }
                return new SessionKeys(signing, enc, dec, app);
            }
            case DIALECT_3_1_1 -> {
                if (preauthHash == null || preauthHash.length != PreauthIntegrity.HASH_LENGTH) {
                    throw new IllegalArgumentException("dialect 3.1.1 needs the 64-byte preauth integrity hash");
                }
                byte[] signing = Kdf.sp800108(key16, LABEL_311_SIGN, preauthHash, 128);
                byte[] app = Kdf.sp800108(key16, LABEL_311_APP, preauthHash, 128);
                byte[] enc = null;
                byte[] dec = null;
                if (cipher != null) {
                    boolean aes256 = cipher.keyLength() == 32;
                    byte[] kdk = aes256 ? sessionKey : key16;
                    int bits = cipher.keyLength() * 8;
                    enc = Kdf.sp800108(kdk, LABEL_311_S2C, preauthHash, bits);
                    dec = Kdf.sp800108(kdk, LABEL_311_C2S, preauthHash, bits);
                }
                return new SessionKeys(signing, enc, dec, app);
            }
            default -> throw new IllegalArgumentException("unknown dialect 0x" + Integer.toHexString(dialect));
        }
    }

    private static void requireNull(byte[] preauthHash, CipherId cipher, int dialect) {
        if (preauthHash != null || cipher != null) {
            throw new IllegalArgumentException(
                    "dialect 0x" + Integer.toHexString(dialect) + " has neither preauth integrity nor encryption");
        }
    }

    private static byte[] cstr(String s) {
        byte[] ascii = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(ascii, ascii.length + 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKeys k
                && Arrays.equals(signingKey, k.signingKey)
                && Arrays.equals(encryptionKey, k.encryptionKey)
                && Arrays.equals(decryptionKey, k.decryptionKey)
                && Arrays.equals(applicationKey, k.applicationKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signingKey) * 31 + Arrays.hashCode(applicationKey);
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SessionKeys[signing=" + len(signingKey) + " bytes, encryption=" + len(encryptionKey)
                + " bytes, decryption=" + len(decryptionKey) + " bytes, application=" + len(applicationKey)
                + " bytes]";
    }

    private static int len(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
