package org.bossa.smb2.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** SMB 3.x signing with AES-128-CMAC (RFC 4493), MS-SMB2 3.1.4.1. Bouncy Castle lightweight CMac. */
final class AesCmacSigner extends AbstractSigner {

    private final EnginePool<CMac> pool;

    AesCmacSigner(byte[] key) {
        requireAesKey(key);
        KeyParameter param = new KeyParameter(key.clone());
        this.pool = new EnginePool<>(() -> {
            CMac cmac = new CMac(AESEngine.newInstance());
            cmac.init(param);
            return cmac;
        });
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_CMAC;
    }

    @Override
    byte[] computeSignature(byte[] msg, int off, int len, byte[] signatureField) {
        CMac cmac = pool.take();
        byte[] out = new byte[SIGNATURE_LENGTH];
        cmac.update(msg, off, SIGNATURE_OFFSET);
        cmac.update(signatureField, 0, SIGNATURE_LENGTH);
        cmac.update(msg, off + HEADER_LENGTH, len - HEADER_LENGTH);
        cmac.doFinal(out, 0); // doFinal resets the CMac, keeping its key
        pool.give(cmac);
        return out;
    }
}
