package org.bossa.auth.ntlm;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Connection-oriented NTLM message integrity and confidentiality with extended session security
 * (MS-NLMP 3.4.2-3.4.4): one outgoing and one incoming direction, each with its own sequence number and RC4
 * sealing handle. Not thread-safe.
 */
public final class NtlmSessionSecurity {
    /** Size of NTLMSSP_MESSAGE_SIGNATURE. */
    public static final int SIGNATURE_LENGTH = 16;

    private final Direction out;
    private final Direction in;
    private final boolean keyExch;

    /** A message sealed with {@link #seal}: ciphertext plus its signature. */
    public record Sealed(byte[] data, byte[] signature) {
    }

    private static final class Direction {
        final byte[] signKey;
        final RC4Engine rc4 = new RC4Engine();
        int seq;

        Direction(byte[] signKey, byte[] sealKey) {
            this.signKey = signKey;
            rc4.init(true, new KeyParameter(sealKey));
        }
    }

    private NtlmSessionSecurity(byte[] outSign, byte[] outSeal, byte[] inSign, byte[] inSeal, int flags) {
        out = new Direction(outSign, outSeal);
        in = new Direction(inSign, inSeal);
        keyExch = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_KEY_EXCH);
    }

    /** The acceptor's view: sends with the server-to-client keys, receives with the client-to-server keys. */
    public static NtlmSessionSecurity forServer(NtlmSessionKeys keys) {
        requireEss(keys);
        return new NtlmSessionSecurity(keys.serverSignKey(), keys.serverSealKey(), keys.clientSignKey(),
                keys.clientSealKey(), keys.flags());
    }

    /** The initiator's view. */
    public static NtlmSessionSecurity forClient(NtlmSessionKeys keys) {
        requireEss(keys);
        return new NtlmSessionSecurity(keys.clientSignKey(), keys.clientSealKey(), keys.serverSignKey(),
                keys.serverSealKey(), keys.flags());
    }

    private static void requireEss(NtlmSessionKeys keys) {
        if (!keys.extendedSessionSecurity()) {
            throw new IllegalArgumentException("only extended session security signing is implemented");
        }
    }

    /** MAC for an outgoing message; advances the outgoing sequence number. */
    public byte[] sign(byte[] message) {
        return mac(out, message);
    }

    /** Checks an incoming message's MAC; advances the incoming sequence number either way. */
    public boolean verify(byte[] message, byte[] signature) {
        byte[] expected = mac(in, message);
        return NtlmCrypto.equal(expected, signature);
    }

    /** GSS_WrapEx: RC4-encrypts the message with the outgoing handle, then signs the plaintext. */
    public Sealed seal(byte[] message) {
        byte[] cipher = new byte[message.length];
        out.rc4.processBytes(message, 0, message.length, cipher, 0);
        return new Sealed(cipher, mac(out, message));
    }

    /** GSS_UnwrapEx: decrypts and checks; returns the plaintext or null when the signature does not match. */
    public byte[] unseal(byte[] data, byte[] signature) {
        byte[] plain = new byte[data.length];
        in.rc4.processBytes(data, 0, data.length, plain, 0);
        return NtlmCrypto.equal(mac(in, plain), signature) ? plain : null;
    }

    private byte[] mac(Direction d, byte[] message) {
        byte[] seq = new byte[4];
        NtlmBytes.put32(seq, 0, d.seq);
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(d.signKey, seq, message), 8);
        if (keyExch) {
            byte[] enc = new byte[8];
            d.rc4.processBytes(checksum, 0, 8, enc, 0);
            checksum = enc;
        }
        byte[] sig = new byte[SIGNATURE_LENGTH];
        NtlmBytes.put32(sig, 0, 1);
        System.arraycopy(checksum, 0, sig, 4, 8);
        System.arraycopy(seq, 0, sig, 12, 4);
        d.seq++;
        return sig;
    }
}
