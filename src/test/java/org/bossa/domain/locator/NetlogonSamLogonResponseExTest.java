package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * NETLOGON_SAM_LOGON_RESPONSE_EX decoding: the answers captured from the dev DC (Samba 4.17; the
 * same fields `net ads lookup -S 127.0.0.2` printed), then truncated, looping, oversized and
 * otherwise malformed structures, each of which must end in one NetlogonFormatException.
 */
class NetlogonSamLogonResponseExTest {
    private static final UUID DOMAIN_GUID = UUID.fromString("f02d470a-a8d9-417f-967b-13a1039aa202");

    @Test
    void decodesSambaAnswerWithDcAddress() throws Exception {
        NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(PingVectors.netlogon("answer.0e"), 0x0e);

        assertThat(r.opcode()).isEqualTo(NetlogonOpcode.LOGON_SAM_LOGON_RESPONSE_EX);
        assertThat(r.flags()).isEqualTo(0x000013fd);
        assertThat(r.dsFlags()).isEqualTo(EnumSet.of(DsFlag.PDC, DsFlag.GC, DsFlag.LDAP, DsFlag.DS, DsFlag.KDC,
                DsFlag.TIMESERV, DsFlag.CLOSEST, DsFlag.WRITABLE, DsFlag.GOOD_TIMESERV, DsFlag.FULL_SECRET_DOMAIN_6));
        assertThat(r.domainGuid()).isEqualTo(DOMAIN_GUID);
        assertThat(r.dnsForestName()).isEqualTo("example.test");
        assertThat(r.dnsDomainName()).isEqualTo("example.test");
        assertThat(r.dnsHostName()).isEqualTo("dc1.example.test");
        assertThat(r.netbiosDomainName()).isEqualTo("EXAMPLE");
        assertThat(r.netbiosComputerName()).isEqualTo("DC1");
        assertThat(r.userName()).isEmpty();
        assertThat(r.dcSiteName()).isEqualTo("Default-First-Site-Name");
        assertThat(r.clientSiteName()).isEqualTo("Default-First-Site-Name");
        assertThat(r.dcSockAddr()).contains(InetAddress.ofLiteral("127.0.0.2"));
        assertThat(r.nextClosestSiteName()).isEmpty();
        assertThat(r.ntVersion()).isEqualTo(NtVersion.V1 | NtVersion.V5EX | NtVersion.V5EX_WITH_IP);
        assertThat(r.lmNtToken()).isEqualTo(0xFFFF);
        assertThat(r.lm20Token()).isEqualTo(0xFFFF);
    }

    @Test
    void decodesSambaAnswerWithoutOptionalParts() throws Exception {
        NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(PingVectors.netlogon("answer.06"), 0x06);

        assertThat(r.dnsHostName()).isEqualTo("dc1.example.test");
        assertThat(r.clientSiteName()).isEqualTo("Default-First-Site-Name");
        assertThat(r.dcSockAddr()).isEmpty();
        assertThat(r.ntVersion()).isEqualTo(NtVersion.V1 | NtVersion.V5EX);
    }

    @Test
    void closestSiteAskedForButNotSentIsEmpty() throws Exception {
        NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(PingVectors.netlogon("answer.1e"), 0x1e);

        assertThat(r.dcSockAddr()).contains(InetAddress.ofLiteral("127.0.0.2"));
        assertThat(r.nextClosestSiteName()).isEmpty();
        assertThat(r.lm20Token()).isEqualTo(0xFFFF);
    }

    @Test
    void decodesNextClosestSiteWhenSent() throws Exception {
        byte[] blob = new Blob().header(23, 0x1fd).names("a.test", "a.test", "dc.a.test", "A", "DC", "", "S1", "S2")
                .sockAddr(10, 0, 0, 1).name("S3").trailer(0x1d).bytes();

        NetlogonSamLogonResponseEx r = NetlogonSamLogonResponseEx.decode(blob, 0x1e);

        assertThat(r.dcSockAddr()).contains(InetAddress.ofLiteral("10.0.0.1"));
        assertThat(r.nextClosestSiteName()).isEqualTo("S3");
        assertThat(r.clientSiteName()).isEqualTo("S2");
    }

    @Test
    void everyTruncationOfAnAnswerWithoutOptionalPartsFails() throws Exception {
        byte[] blob = PingVectors.netlogon("answer.06");
        for (int n = 0; n < blob.length; n++) {
            byte[] cut = Arrays.copyOf(blob, n);
            assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(cut, 0x06))
                    .as("prefix of %d bytes", n)
                    .isInstanceOf(NetlogonFormatException.class);
        }
    }

    @Test
    void truncationsOfAnAnswerWithDcAddressFailOrDecodeButNeverThrowAnythingElse() throws Exception {
        byte[] blob = PingVectors.netlogon("answer.0e");
        NetlogonSamLogonResponseEx whole = NetlogonSamLogonResponseEx.decode(blob, 0x0e);
        int failures = 0;
        for (int n = 0; n < blob.length; n++) {
            try {
                // A prefix ending 8 bytes into the optional part reads as a DC that left it out.
                assertThat(NetlogonSamLogonResponseEx.decode(Arrays.copyOf(blob, n), 0x0e)).isNotEqualTo(whole);
            } catch (NetlogonFormatException e) {
                failures++;
            }
        }
        assertThat(failures).isEqualTo(blob.length - 1);
    }

    @Test
    void randomCorruptionOnlyEverGivesTheDecodingError() throws Exception {
        byte[] blob = PingVectors.netlogon("answer.0e");
        Random random = new Random(20240603);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = blob.clone();
            int flips = 1 + random.nextInt(4);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            try {
                NetlogonSamLogonResponseEx.decode(b, random.nextInt(32));
            } catch (NetlogonFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void rejectsAPointerToItself() {
        byte[] blob = new Blob().header(23, 0).raw(0xC0, 24).names("", "", "", "", "", "", "").trailer(5).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("DnsForestName at offset 24: compression pointer to 24 does not point before 24");
    }

    @Test
    void rejectsAForwardPointer() {
        byte[] blob = new Blob().header(23, 0).raw(0xC0, 30).names("", "", "", "", "", "", "").trailer(5).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("compression pointer to 30 does not point before 24");
    }

    @Test
    void rejectsAPointerLoopThroughEarlierLabels() {
        // Offset 24: label "a", then a pointer back to 24; following it would read "a" and meet
        // the same pointer again. The second hop must point before 24 and does not.
        byte[] blob = new Blob().header(23, 0).raw(1, 'a', 0xC0, 24).names("", "", "", "", "", "", "").trailer(5)
                .bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("DnsForestName at offset 26: compression pointer to 24 does not point before 24");
    }

    @Test
    void boundsTheNumberOfPointerHops() {
        // Sbz (offset 2) is a zero byte, the root name. Flags and DomainGuid (4..23) are free
        // bytes here, filled with pointers each to the one before; then every name is a pointer
        // to the name before it, so each name needs one hop more. DcSiteName would need 17.
        Blob b = new Blob().le16(23).le16(0);
        for (int at = 4; at < 24; at += 2) {
            b.raw(0xC0, at - 2);
        }
        for (int at = 24; at < 24 + 2 * 8; at += 2) {
            b.raw(0xC0, at - 2);
        }
        byte[] blob = b.trailer(5).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("DcSiteName at offset 4: more than 16 compression pointers");
    }

    @Test
    void rejectsLabelTypes01And10() {
        for (int type : new int[] {0x40, 0x80}) {
            byte[] blob = new Blob().header(23, 0).raw(type | 1, 'a', 0).names("", "", "", "", "", "", "").trailer(5)
                    .bytes();
            assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                    .isInstanceOf(NetlogonFormatException.class)
                    .hasMessageContaining("label type 0x" + Integer.toHexString(type));
        }
    }

    @Test
    void rejectsANameLongerThan255Octets() {
        String label = "x".repeat(63);
        String name = String.join(".", label, label, label, label); // 4 * 64 + 1 = 257 octets
        byte[] blob = new Blob().header(23, 0).names(name, "", "", "", "", "", "", "").trailer(5).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("name longer than 255 octets");
    }

    @Test
    void acceptsA63OctetLabel() throws Exception {
        String label = "x".repeat(63);
        byte[] blob = new Blob().header(23, 0).names("a.test", "a.test", label + ".a.test", "A", "B", "", "S", "S")
                .trailer(5).bytes();

        assertThat(NetlogonSamLogonResponseEx.decode(blob, 0x06).dnsHostName()).isEqualTo(label + ".a.test");
    }

    @Test
    void rejectsALabelRunningPastTheEnd() {
        byte[] blob = new Blob().header(23, 0).raw(40, 'a', 'b').bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("DnsForestName at offset 24: label of 40 octets runs past the end (27 bytes)");
    }

    @Test
    void rejectsAPointerCutInHalf() {
        byte[] blob = new Blob().header(23, 0).raw(0xC0).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("compression pointer cut off");
    }

    @Test
    void rejectsALabelThatIsNotUtf8() {
        byte[] blob = new Blob().header(23, 0).raw(2, 0xC3, 0x28, 0).names("", "", "", "", "", "", "").trailer(5)
                .bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void rejectsALabelWithAControlCharacterAndShowsItEscaped() {
        // DnsForestName "a\nb": a DC name that would forge a log line
        byte[] blob = new Blob().header(23, 0).raw(3, 'a', '\n', 'b', 0).names("", "", "", "", "", "", "").trailer(5)
                .bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("DnsForestName at offset 25: label \"a\\nb\" has a control or invisible character");
    }

    @Test
    void acceptsALabelInAnotherScript() throws Exception {
        byte[] name = "dc-ü".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Blob b = new Blob().header(23, 0).raw(name.length);
        for (byte x : name) {
            b.raw(x & 0xFF);
        }
        byte[] blob = b.raw(0).names("", "", "", "", "", "", "").trailer(5).bytes();

        assertThat(NetlogonSamLogonResponseEx.decode(blob, 0x06).dnsForestName()).isEqualTo("dc-ü");
    }

    @Test
    void rejectsAnOversizedStructure() {
        byte[] blob = Arrays.copyOf(new Blob().header(23, 0).names("", "", "", "", "", "", "", "").trailer(5).bytes(),
                NetlogonSamLogonResponseEx.MAX_SIZE + 1);

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("NETLOGON_SAM_LOGON_RESPONSE_EX of 4097 bytes exceeds 4096");
    }

    @Test
    void rejectsOtherStructures() {
        // Opcode 19 is NETLOGON_SAM_LOGON_RESPONSE: a DC that ignored V5EX.
        byte[] blob = new Blob().header(19, 0).names("", "", "", "", "", "", "", "").trailer(2).bytes();

        assertThatThrownBy(() -> NetlogonSamLogonResponseEx.decode(blob, 0x06))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessageContaining("opcode 19");
    }

    @Test
    void pausedAndUserUnknownOpcodesDecode() throws Exception {
        for (NetlogonOpcode op : NetlogonOpcode.values()) {
            byte[] blob = new Blob().header(op.code(), 0).names("a", "a", "h.a", "A", "H", "u", "S", "S").trailer(5)
                    .bytes();
            assertThat(NetlogonSamLogonResponseEx.decode(blob, 0x06).opcode()).isEqualTo(op);
        }
    }

    @Test
    void mixedEndianGuid() {
        byte[] wire = HexFormat.of().parseHex("0a472df0d9a87f41967b13a1039aa202");
        assertThat(NetlogonSamLogonResponseEx.guid(wire)).isEqualTo(DOMAIN_GUID);
    }

    /** Builds a NETLOGON_SAM_LOGON_RESPONSE_EX with uncompressed names, or raw bytes. */
    static final class Blob {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Blob header(int opcode, int flags) {
            le16(opcode).le16(0).le32(flags);
            out.writeBytes(HexFormat.of().parseHex("0a472df0d9a87f41967b13a1039aa202"));
            return this;
        }

        Blob names(String... names) {
            for (String n : names) {
                name(n);
            }
            return this;
        }

        Blob name(String name) {
            if (!name.isEmpty()) {
                for (String label : name.split("\\.")) {
                    byte[] b = label.getBytes(StandardCharsets.UTF_8);
                    out.write(b.length);
                    out.writeBytes(b);
                }
            }
            out.write(0);
            return this;
        }

        Blob sockAddr(int a, int b, int c, int d) {
            out.write(16);
            le16(2).le16(0);
            raw(a, b, c, d);
            out.writeBytes(new byte[8]);
            return this;
        }

        Blob trailer(int ntVersion) {
            return le32(ntVersion).le16(0xFFFF).le16(0xFFFF);
        }

        Blob raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Blob le16(int v) {
            return raw(v & 0xFF, v >>> 8 & 0xFF);
        }

        Blob le32(int v) {
            return le16(v).le16(v >>> 16);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
