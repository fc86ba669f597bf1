package org.bossa.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bossa.auth.ntlm.AvPair;
import org.bossa.auth.ntlm.AvPairs;
import org.bossa.auth.ntlm.NtHash;
import org.bossa.auth.ntlm.NtlmAuthenticateMessage;
import org.bossa.auth.ntlm.NtlmChallengeMessage;
import org.bossa.auth.ntlm.NtlmCrypto;
import org.bossa.auth.ntlm.NtlmFlags;
import org.bossa.auth.ntlm.NtlmNegotiateMessage;
import org.bossa.auth.ntlm.NtlmSessionKeys;

/** A small NTLMv2 initiator for tests (MS-NLMP 3.1.5), written from the spec; test-only. */
public final class TestNtlmClient {
    public static final int DEFAULT_FLAGS = NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.REQUEST_TARGET
            | NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_SEAL | NtlmFlags.NEGOTIATE_NTLM
            | NtlmFlags.NEGOTIATE_ALWAYS_SIGN | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_VERSION | NtlmFlags.NEGOTIATE_128
            | NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_56;
    static final byte[] VERSION = {10, 0, 0x61, 0x4A, 0, 0, 0, 0x0F};

    public String user;
    public String domain;
    public String password;
    public String workstation = "CLIENT1";
    public int flags = DEFAULT_FLAGS;
    /** Put MsvAvFlags 0x2 and a MIC in AUTHENTICATE (what Windows and Samba do when the CHALLENGE has a time). */
    public boolean sendMic = true;
    /** Replace the NT response by a 24-byte NTLMv1-style one. */
    public boolean ntlmV1;
    public boolean anonymous;
    /** Flip a bit of the MIC after computing it. */
    public boolean tamperMic;
    private final Random random;

    private byte[] negotiateBytes = new byte[0];
    private NtlmSessionKeys keys;

    public TestNtlmClient(String user, String domain, String password, long seed) {
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.random = new Random(seed);
    }

    public byte[] negotiate() {
        negotiateBytes = new NtlmNegotiateMessage(flags, "", "", VERSION).encode();
        return negotiateBytes.clone();
    }

    public byte[] authenticate(byte[] challengeBytes) throws Exception {
        NtlmChallengeMessage ch = NtlmChallengeMessage.decode(challengeBytes);
        int f = ch.flags() & flags | NtlmFlags.NEGOTIATE_UNICODE;
        if (anonymous) {
            byte[] enc = new byte[0];
            return new NtlmAuthenticateMessage(f | NtlmFlags.ANONYMOUS, new byte[1], new byte[0], "", "",
                    workstation, enc, VERSION, null).encode();
        }
        byte[] ntHash = NtHash.of(password);
        byte[] responseKey = NtlmCrypto.ntowfv2(ntHash, user, domain);
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        List<AvPair> pairs = new ArrayList<>(ch.targetInfo().pairs());
        long time = ch.targetInfo().find(AvPair.MSV_AV_TIMESTAMP)
                .map(p -> ByteArraysLE.u64(p.value())).orElse(0L);
        if (sendMic) {
            pairs.add(AvPair.ofInt(AvPair.MSV_AV_FLAGS, AvPair.AV_FLAG_MIC_PRESENT));
        }
        pairs.add(AvPair.ofString(AvPair.MSV_AV_TARGET_NAME, "cifs/server"));
        byte[] av = new AvPairs(pairs).encode();
        byte[] temp = new byte[28 + av.length + 4];
        temp[0] = 1;
        temp[1] = 1;
        ByteArraysLE.put64(temp, 8, time);
        System.arraycopy(clientChallenge, 0, temp, 16, 8);
        System.arraycopy(av, 0, temp, 28, av.length);
        byte[] proof = NtlmCrypto.ntProofStr(responseKey, ch.serverChallenge(), temp);
        byte[] nt = concat(proof, temp);
        if (ntlmV1) {
            nt = Arrays.copyOf(nt, 24);
        }
        byte[] sessionBaseKey = NtlmCrypto.sessionBaseKey(responseKey, proof);
        byte[] exported;
        byte[] enc;
        if (NtlmFlags.has(f, NtlmFlags.NEGOTIATE_KEY_EXCH)) {
            exported = new byte[16];
            random.nextBytes(exported);
            enc = NtlmCrypto.rc4(sessionBaseKey, exported);
        } else {
            exported = sessionBaseKey;
            enc = new byte[0];
        }
        keys = NtlmSessionKeys.derive(exported, f);
        NtlmAuthenticateMessage msg = new NtlmAuthenticateMessage(f, new byte[24], nt, domain, user, workstation,
                enc, VERSION, sendMic ? new byte[16] : null);
        byte[] out = msg.encode();
        if (sendMic) {
            byte[] mic = NtlmCrypto.hmacMd5(exported, negotiateBytes, challengeBytes, out);
            if (tamperMic) {
                mic[3] ^= 0x40;
            }
            System.arraycopy(mic, 0, out, NtlmAuthenticateMessage.MIC_OFFSET, 16);
        }
        return out;
    }

    public NtlmSessionKeys keys() {
        return keys;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Tiny little-endian helpers for the test client. */
    static final class ByteArraysLE {
        static long u64(byte[] b) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (b[i] & 0xFF);
            }
            return v;
        }

        static void put64(byte[] b, int off, long v) {
            for (int i = 0; i < 8; i++) {
                b[off + i] = (byte) (v >>> (8 * i));
            }
        }
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
