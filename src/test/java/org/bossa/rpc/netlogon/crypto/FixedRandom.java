package org.bossa.rpc.netlogon.crypto;

import java.security.SecureRandom;

/** A SecureRandom that hands out the given bytes in order (then fails): deterministic vector inputs. */
public final class FixedRandom extends SecureRandom {

    private final byte[] bytes;
    private int next;

    public FixedRandom(byte[]... chunks) {
        int total = 0;
        for (byte[] c : chunks) {
            total += c.length;
        }
        bytes = new byte[total];
        int off = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, bytes, off, c.length);
            off += c.length;
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length > bytes.length - next) {
            throw new IllegalStateException("FixedRandom exhausted");
        }
        System.arraycopy(bytes, next, out, 0, out.length);
        next += out.length;
    }

    public int consumed() {
        return next;
    }
}
