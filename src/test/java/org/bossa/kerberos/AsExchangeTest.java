package org.bossa.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.kerby.kerberos.kerb.KrbCodec;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2;
import org.apache.kerby.kerberos.kerb.type.base.EtypeInfo2Entry;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.MethodData;
import org.apache.kerby.kerberos.kerb.type.kdc.AsRep;
import org.apache.kerby.kerberos.kerb.type.kdc.AsReq;
import org.apache.kerby.kerberos.kerb.type.kdc.EncAsRepPart;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataEntry;
import org.apache.kerby.kerberos.kerb.type.pa.PaDataType;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.apache.kerby.kerberos.kerb.type.ticket.TicketFlags;
import org.junit.jupiter.api.Test;

/** The AS exchange against a scripted KDC: pre-authentication, key choice, reply checks. */
class AsExchangeTest {
    private static final String SALT = "EXAMPLE.TESThostkrbtest1.example.test";
    private static final char[] PASSWORD = "Test-Pw-1".toCharArray();
    private static final KerberosName CLIENT = KerberosName.parse("KRBTEST1$@EXAMPLE.TEST", null);
    private static final Instant KDC_TIME = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void preauthWithTheAnnouncedSaltThenATgtWithTheClockOffset() throws Exception {
        EncryptionKey key = KerberosKeys.fromPassword(PASSWORD, SALT, EncryptionType.AES256_CTS_HMAC_SHA1_96);
        try (FakeKdc kdc = new FakeKdc(script(key, 0), r -> new byte[0])) {
            Clock local = Clock.fixed(KDC_TIME.minusSeconds(90), java.time.ZoneOffset.UTC);
            KerberosTicket t = exchange(kdc, local).run(CLIENT, KerberosName.krbtgt("EXAMPLE.TEST"),
                    new ClientKeys.Password(PASSWORD));
            assertThat(t).isInstanceOf(Tgt.class);
            assertThat(t.clockOffset()).isEqualTo(Duration.ofSeconds(90));
            assertThat(t.sessionKey().getKeyData()).hasSize(32);
            assertThat(kdc.udpRequests).hasValue(2);
        }
    }

    @Test
    void aReplyThatDoesNotDecryptIsAWrongPassword() throws Exception {
        EncryptionKey other = KerberosKeys.fromPassword("other".toCharArray(), SALT, EncryptionType.AES256_CTS_HMAC_SHA1_96);
        try (FakeKdc kdc = new FakeKdc(script(other, 0), r -> new byte[0])) {
            assertThatThrownBy(() -> exchange(kdc, Clock.systemUTC()).run(CLIENT, KerberosName.krbtgt("EXAMPLE.TEST"),
                    new ClientKeys.Password(PASSWORD)))
                    .isInstanceOfSatisfying(KerberosException.class, e -> {
                        assertThat(e.failure()).isEqualTo(KerberosFailure.WRONG_PASSWORD);
                        assertThat(e.getMessage()).contains("integrity");
                    });
        }
    }

    @Test
    void aReplyToAnotherRequestIsRefused() throws Exception {
        EncryptionKey key = KerberosKeys.fromPassword(PASSWORD, SALT, EncryptionType.AES256_CTS_HMAC_SHA1_96);
        try (FakeKdc kdc = new FakeKdc(script(key, 1), r -> new byte[0])) {
            assertThatThrownBy(() -> exchange(kdc, Clock.systemUTC()).run(CLIENT, KerberosName.krbtgt("EXAMPLE.TEST"),
                    new ClientKeys.Password(PASSWORD))).hasMessageContaining("nonce");
        }
    }

    @Test
    void anAccountWithoutAesKeysIsNamedAsSuch() throws Exception {
        byte[] rc4Only = preauthRequired(EncryptionType.ARCFOUR_HMAC, null);
        try (FakeKdc kdc = new FakeKdc(r -> rc4Only, r -> new byte[0])) {
            assertThatThrownBy(() -> exchange(kdc, Clock.systemUTC()).run(CLIENT, KerberosName.krbtgt("EXAMPLE.TEST"),
                    new ClientKeys.Password(PASSWORD)))
                    .isInstanceOfSatisfying(KerberosException.class, e -> {
                        assertThat(e.failure()).isEqualTo(KerberosFailure.ETYPE_NOT_SUPPORTED);
                        assertThat(e.getMessage()).contains("arcfour-hmac").contains("RC4 is not allowed");
                    });
        }
    }

    @Test
    void keysOfNoAllowedTypeAreRefusedBeforeAsking() {
        EncryptionKey rc4 = new EncryptionKey(EncryptionType.ARCFOUR_HMAC, new byte[16]);
        KdcConfig cfg = new KdcConfig("EXAMPLE.TEST", List.of(new KdcAddress("127.0.0.1", 1)), Duration.ofMillis(100), false);
        AsExchange as = new AsExchange(cfg, new KdcTransport(cfg.kdcs(), cfg.timeout()), Clock.systemUTC(), new SecureRandom());
        assertThatThrownBy(() -> as.run(CLIENT, KerberosName.krbtgt("EXAMPLE.TEST"), new ClientKeys.Keys(List.of(rc4))))
                .isInstanceOfSatisfying(KerberosException.class,
                        e -> assertThat(e.failure()).isEqualTo(KerberosFailure.ETYPE_NOT_SUPPORTED));
    }

    private static AsExchange exchange(FakeKdc kdc, Clock clock) {
        KdcConfig cfg = new KdcConfig("EXAMPLE.TEST", List.of(kdc.address()), Duration.ofSeconds(2), false);
        return new AsExchange(cfg, new KdcTransport(cfg.kdcs(), cfg.timeout()), clock, new SecureRandom());
    }

    /** First PREAUTH_REQUIRED with the salt, then an AS-REP sealed with {@code replyKey}, nonce off by {@code nonceDelta}. */
    private static UnaryOperator<byte[]> script(EncryptionKey replyKey, int nonceDelta) {
        AtomicInteger n = new AtomicInteger();
        return req -> {
            try {
                if (n.getAndIncrement() == 0) {
                    return preauthRequired(EncryptionType.AES256_CTS_HMAC_SHA1_96, SALT);
                }
                AsReq asReq = KrbCodec.decode(req, AsReq.class);
                assertThat(asReq.getPaData().findEntry(PaDataType.ENC_TIMESTAMP)).isNotNull();
                return asRep(asReq.getReqBody().getNonce() + nonceDelta, replyKey);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static byte[] preauthRequired(EncryptionType etype, String salt) {
        try {
            EtypeInfo2Entry entry = new EtypeInfo2Entry();
            entry.setEtype(etype);
            if (salt != null) {
                entry.setSalt(salt);
            }
            EtypeInfo2 info = new EtypeInfo2();
            info.add(entry);
            MethodData md = new MethodData();
            md.add(new PaDataEntry(PaDataType.ETYPE_INFO2, KrbCodec.encode(info)));
            return FakeKdc.krbError(KrbErrorMessage.KDC_ERR_PREAUTH_REQUIRED, KrbCodec.encode(md));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] asRep(int nonce, EncryptionKey replyKey) throws Exception {
        EncAsRepPart enc = new EncAsRepPart();
        enc.setKey(new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]));
        enc.setNonce(nonce);
        enc.setFlags(new TicketFlags(0x40E10000));
        enc.setAuthTime(new KerberosTime(KDC_TIME.toEpochMilli()));
        enc.setEndTime(new KerberosTime(KDC_TIME.plusSeconds(36000).toEpochMilli()));
        enc.setSrealm("EXAMPLE.TEST");
        enc.setSname(KerberosName.krbtgt("EXAMPLE.TEST").toKerby());
        enc.setLastReq(new org.apache.kerby.kerberos.kerb.type.base.LastReq());
        Ticket ticket = new Ticket();
        ticket.setTktKvno(5);
        ticket.setRealm("EXAMPLE.TEST");
        ticket.setSname(KerberosName.krbtgt("EXAMPLE.TEST").toKerby());
        EncryptedData tktEnc = new EncryptedData();
        tktEnc.setEType(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        tktEnc.setCipher(new byte[40]);
        ticket.setEncryptedEncPart(tktEnc);
        AsRep rep = new AsRep();
        rep.setCrealm("EXAMPLE.TEST");
        rep.setCname(CLIENT.toKerby());
        rep.setTicket(ticket);
        rep.setEncryptedEncPart(EncryptionHandler.encrypt(KrbCodec.encode(enc), replyKey, KeyUsage.AS_REP_ENCPART));
        return KrbCodec.encode(rep);
    }
}
