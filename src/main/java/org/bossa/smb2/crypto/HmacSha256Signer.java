package org.bossa.smb2.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SMB 2.0.2/2.1 signing: the first 16 bytes of HMAC-SHA256 over the message (MS-SMB2 3.1.4.1). */
final class HmacSha256Signer extends AbstractSigner {

    private static final String ALG = "HmacSHA256";
    private final EnginePool<Mac> pool;

    HmacSha256Signer(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALG);
        this.pool = new EnginePool<>(() -> {
            try {
                Mac mac = Mac.getInstance(ALG);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
        pool.give(pool.take()); // fail fast on a bad key or provider
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.HMAC_SHA256;
    }

    @Override
    byte[] computeSignature(byte[] msg, int off, int len, byte[] signatureField) {
        Mac mac = pool.take();
        mac.update(msg, off, SIGNATURE_OFFSET);
        mac.update(signatureField);
        mac.update(msg, off + HEADER_LENGTH, len - HEADER_LENGTH);
        byte[] full = mac.doFinal(); // doFinal resets the Mac for reuse with the same key
        pool.give(mac);
        return java.util.Arrays.copyOf(full, SIGNATURE_LENGTH);
    }
}
