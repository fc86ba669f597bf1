package org.bossa.auth.kerberos.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacDecodeTest {
    private static final EncryptionKey KEY = TestPacBuilder.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);
    private static final Sid DOMAIN = TestPacBuilder.DOMAIN_SID;
    /** GroupCount's place in the NDR of the builder's KERB_VALIDATION_INFO: headers 16, referent 4,
     * six FILETIMEs 48, six RPC_UNICODE_STRINGs 48, two counts 4, UserId 4, PrimaryGroupId 4. */
    private static final int GROUP_COUNT_AT = 16 + 4 + 48 + 48 + 4 + 4 + 4;

    private static byte[] valid() {
        return new TestPacBuilder(KEY).build();
    }

    private static int bufferIndex(byte[] pac, int type) {
        int n = PacBytes.u32(pac, 0);
        for (int i = 0; i < n; i++) {
            if (PacBytes.u32(pac, 8 + 16 * i) == type) {
                return i;
            }
        }
        throw new AssertionError("no buffer of type " + type);
    }

    private static int offsetOf(byte[] pac, int type) {
        return PacBytes.u32(pac, 8 + 16 * bufferIndex(pac, type) + 8);
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void refused(byte[] pac, String reason) {
        assertThatThrownBy(() -> Pac.decode(pac)).isInstanceOf(PacException.class).hasMessageContaining(reason);
    }

    @Test
    void theBuildersPacDecodesToWhatWasPutIn() throws Exception {
        Pac pac = Pac.decode(valid());
        assertThat(pac.buffers()).extracting(PacBuffer::type).containsExactly(PacBufferType.LOGON_INFO,
                PacBufferType.CLIENT_INFO, PacBufferType.UPN_DNS_INFO, PacBufferType.ATTRIBUTES_INFO,
                PacBufferType.REQUESTOR, PacBufferType.SERVER_CHECKSUM, PacBufferType.KDC_CHECKSUM);
        LogonInfo logon = pac.logonInfo().orElseThrow();
        assertThat(logon.effectiveName()).isEqualTo("alice");
        assertThat(logon.fullName()).isEqualTo("Alice Example");
        assertThat(logon.logonScript()).isEmpty();
        assertThat(logon.logonServer()).isEqualTo("DC1");
        assertThat(logon.logonDomainName()).isEqualTo("EXAMPLE");
        assertThat(logon.logonDomainId()).isEqualTo(DOMAIN);
        assertThat(logon.userId()).isEqualTo(1104);
        assertThat(logon.primaryGroupId()).isEqualTo(513);
        assertThat(logon.logonCount()).isEqualTo(7);
        assertThat(logon.userAccountControl()).isEqualTo(0x10);
        assertThat(logon.logonTime()).isEqualTo(ClientInfo.fileTime(TestPacBuilder.DEFAULT_AUTH_TIME));
        assertThat(logon.logoffTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(logon.groupIds()).containsExactly(new GroupMembership(513, 7), new GroupMembership(1105, 7));
        assertThat(logon.extraSids()).containsExactly(new SidAndAttributes(TestPacBuilder.ASSERTED_IDENTITY, 7));
        assertThat(logon.resourceGroupDomainSid()).contains(TestPacBuilder.RESOURCE_DOMAIN_SID);
        assertThat(logon.resourceGroupIds()).extracting(GroupMembership::rid).containsExactly(1201);
        assertThat(logon.userSessionKey()).containsOnly(0);

        ClientInfo client = pac.clientInfo().orElseThrow();
        assertThat(client.name()).isEqualTo("alice");
        assertThat(client.clientIdEpochSecond()).isEqualTo(TestPacBuilder.DEFAULT_AUTH_TIME.getEpochSecond());

        UpnDnsInfo upn = pac.upnDnsInfo().orElseThrow();
        assertThat(upn.upn()).isEqualTo("alice@example.test");
        assertThat(upn.dnsDomainName()).isEqualTo("example.test");
        assertThat(upn.hasSamNameAndSid()).isTrue();
        assertThat(upn.upnConstructed()).isFalse();
        assertThat(upn.samName()).contains("alice");
        assertThat(upn.sid()).contains(DOMAIN.withRid(1104));

        AttributesInfo attributes = pac.attributesInfo().orElseThrow();
        assertThat(attributes.flagsLength()).isEqualTo(2);
        assertThat(attributes.pacWasRequested()).isTrue();
        assertThat(attributes.pacWasGivenImplicitly()).isFalse();
        assertThat(pac.requestorSid()).contains(DOMAIN.withRid(1104));
        assertThat(pac.serverChecksum().orElseThrow().signatureType()).isEqualTo(PacSignature.HMAC_SHA1_96_AES256);
        assertThat(pac.kdcChecksum().orElseThrow().rodcIdentifier()).isEmpty();
        assertThat(pac.ticketChecksum()).isEmpty();
        assertThat(pac.fullChecksum()).isEmpty();
    }

    @Test
    void theDecodedPacIsACopy() throws Exception {
        byte[] data = valid();
        Pac pac = Pac.decode(data);
        data[0] = 9;
        assertThat(pac.bytes()[0]).isEqualTo((byte) 7);
        pac.bytes()[1] = 5;
        assertThat(pac.bytes()[1]).isZero();
    }

    @Test
    void unknownBuffersAreKeptAndIgnored() throws Exception {
        byte[] claims = {1, 2, 3, 4, 5};
        byte[] data = new TestPacBuilder(KEY).addBuffer(PacBufferType.CLIENT_CLAIMS_INFO, claims)
                .addBuffer(0x7777, new byte[0]).addBuffer(0x7777, claims).build();
        Pac pac = Pac.decode(data);
        PacBuffer b = pac.buffer(PacBufferType.CLIENT_CLAIMS_INFO).orElseThrow();
        assertThat(pac.bufferData(b)).isEqualTo(claims);
        assertThat(pac.buffers()).filteredOn(x -> x.type() == 0x7777).hasSize(2);
        assertThat(PacValidator.validate(data, KEY, "alice", TestPacBuilder.DEFAULT_AUTH_TIME, false)).isNotNull();
    }

    @Test
    void anRodcIdentifierIsReadAndZeroedForTheServerChecksum() throws Exception {
        byte[] data = new TestPacBuilder(KEY).kdcRodcIdentifier(0x1234).build();
        Pac pac = Pac.decode(data);
        assertThat(pac.kdcChecksum().orElseThrow().rodcIdentifier()).hasValue(0x1234);
        assertThat(pac.kdcChecksum().orElseThrow().signature()).hasSize(12);
        assertThat(PacValidator.validate(data, KEY, "alice", TestPacBuilder.DEFAULT_AUTH_TIME, false)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {PacBufferType.ATTRIBUTES_INFO, PacBufferType.TICKET_CHECKSUM, PacBufferType.FULL_CHECKSUM})
    void duplicatesOfOtherDecodedBuffersAreRefused(int type) {
        refused(new TestPacBuilder(KEY).withTicketAndFullChecksums().duplicate(type).build(),
                "PAC has more than one " + PacBufferType.name(type));
    }

    @Test
    void headerErrors() {
        refused(null, "no PAC data");
        refused(new byte[7], "shorter than the 8-byte PACTYPE");
        byte[] v = valid();
        putU32(v, 4, 1);
        refused(v, "PAC Version 1, expected 0");
        byte[] none = valid();
        putU32(none, 0, 0);
        refused(none, "cBuffers 0 is outside 1..64");
        byte[] many = valid();
        putU32(many, 0, 65);
        refused(many, "cBuffers 65 is outside 1..64");
        byte[] huge = valid();
        putU32(huge, 0, -1);
        refused(huge, "cBuffers 4294967295");
        refused(Arrays.copyOf(valid(), 8 + 16 * 7 - 1), "needs 120 bytes");
    }

    @Test
    void bufferPlacementErrors() {
        byte[] unaligned = valid();
        putU32(unaligned, 8 + 8, PacBytes.u32(unaligned, 8 + 8) + 4);
        refused(unaligned, "PAC buffer 0 (LOGON_INFO) offset 124 is not 8-aligned");
        byte[] inHeader = valid();
        putU32(inHeader, 8 + 8, 8);
        refused(inHeader, "inside its header");
        byte[] past = valid();
        putU32(past, 8 + 16 + 4, past.length);
        refused(past, "PAC buffer 1 (CLIENT_INFO)");
        byte[] far = valid();
        putU32(far, 8 + 12, 0x100); // the high half of the 64-bit offset
        refused(far, "lies outside");
    }

    @Test
    void logonInfoHeaderErrors() {
        byte[] version = valid();
        version[offsetOf(version, PacBufferType.LOGON_INFO)] = 2;
        refused(version, "LOGON_INFO serialization header version 2");
        byte[] bigEndian = valid();
        bigEndian[offsetOf(bigEndian, PacBufferType.LOGON_INFO) + 1] = 0x00;
        refused(bigEndian, "endianness 0x0");
        byte[] length = valid();
        putU32(length, offsetOf(length, PacBufferType.LOGON_INFO) + 8, 0x10000);
        refused(length, "ObjectBufferLength 65536 exceeds");
        byte[] nullPointer = valid();
        putU32(nullPointer, offsetOf(nullPointer, PacBufferType.LOGON_INFO) + 16, 0);
        refused(nullPointer, "null KERB_VALIDATION_INFO pointer");
        byte[] shortObject = valid();
        putU32(shortObject, offsetOf(shortObject, PacBufferType.LOGON_INFO) + 8, 40);
        refused(shortObject, "LOGON_INFO: ");
    }

    @Test
    void logonInfoCountErrors() {
        byte[] capped = valid();
        putU32(capped, offsetOf(capped, PacBufferType.LOGON_INFO) + GROUP_COUNT_AT, 5000);
        refused(capped, "GroupCount 5000 exceeds the limit of 4096");
        byte[] lying = valid();
        putU32(lying, offsetOf(lying, PacBufferType.LOGON_INFO) + GROUP_COUNT_AT, 3);
        refused(lying, "GroupIds max_count 2 != its count 3");
        byte[] nullArray = valid();
        putU32(nullArray, offsetOf(nullArray, PacBufferType.LOGON_INFO) + GROUP_COUNT_AT + 4, 0);
        refused(nullArray, "GroupCount 2 with a null GroupIds pointer");
    }

    @Test
    void clientInfoErrors() {
        byte[] odd = valid();
        odd[offsetOf(odd, PacBufferType.CLIENT_INFO) + 8] = 9;
        refused(odd, "CLIENT_INFO NameLength 9 is odd");
        byte[] longer = valid();
        longer[offsetOf(longer, PacBufferType.CLIENT_INFO) + 8] = 12;
        refused(longer, "CLIENT_INFO NameLength 12 exceeds the 10 bytes after it");
        byte[] tiny = valid();
        putU32(tiny, 8 + 16 * bufferIndex(tiny, PacBufferType.CLIENT_INFO) + 4, 9);
        refused(tiny, "CLIENT_INFO of 9 bytes is shorter than 10");
    }

    @Test
    void upnDnsInfoErrors() {
        byte[] outside = valid();
        outside[offsetOf(outside, PacBufferType.UPN_DNS_INFO) + 2] = (byte) 0xF0;
        refused(outside, "UPN_DNS_INFO Upn (offset 240, length 36) lies outside");
        byte[] truncated = valid();
        truncated[offsetOf(truncated, PacBufferType.UPN_DNS_INFO) + 16] = 20;
        refused(truncated, "UPN_DNS_INFO Sid: SID with 5 sub-authorities truncated");
        byte[] shorter = valid();
        int upn = offsetOf(shorter, PacBufferType.UPN_DNS_INFO);
        shorter[upn + PacBytes.u16(shorter, upn + 18) + 1] = 4; // SubAuthorityCount 5 -> 4
        refused(shorter, "UPN_DNS_INFO Sid is 24 bytes, its length field says 28");
    }

    @Test
    void attributesAndSignatureErrors() {
        byte[] bits = valid();
        putU32(bits, offsetOf(bits, PacBufferType.ATTRIBUTES_INFO), 33);
        refused(bits, "ATTRIBUTES_INFO FlagsLength 33 needs 8 bytes of flags");
        byte[] shortSig = valid();
        putU32(shortSig, 8 + 16 * bufferIndex(shortSig, PacBufferType.KDC_CHECKSUM) + 4, 10);
        refused(shortSig, "KDC_CHECKSUM of signature type 16 needs 12 signature bytes, the buffer has 6");
        byte[] noType = valid();
        putU32(noType, 8 + 16 * bufferIndex(noType, PacBufferType.SERVER_CHECKSUM) + 4, 3);
        refused(noType, "SERVER_CHECKSUM of 3 bytes has no SignatureType");
        byte[] requestor = valid();
        requestor[offsetOf(requestor, PacBufferType.REQUESTOR)] = 2;
        refused(requestor, "REQUESTOR Sid: SID revision 2");
    }

    @Test
    void unknownSignatureTypesAreKeptOutsideTheServerChecksum() throws Exception {
        byte[] data = valid();
        putU32(data, offsetOf(data, PacBufferType.KDC_CHECKSUM), 0x7FFF);
        PacSignature kdc = Pac.decode(data).kdcChecksum().orElseThrow();
        assertThat(kdc.signatureType()).isEqualTo(0x7FFF);
        assertThat(kdc.signature()).hasSize(12);
        assertThat(kdc.rodcIdentifier()).isEmpty();
    }

    @Test
    void theServerChecksumCoversTheSignatureTypes() {
        // only the bytes after each SignatureType are zeroed: a changed type breaks the checksum
        byte[] data = valid();
        putU32(data, offsetOf(data, PacBufferType.KDC_CHECKSUM), PacSignature.HMAC_SHA1_96_AES128);
        assertThatThrownBy(() -> PacValidator.validate(data, KEY, "alice", TestPacBuilder.DEFAULT_AUTH_TIME, false))
                .isInstanceOf(PacException.class).hasMessageContaining("SERVER_CHECKSUM does not verify");
    }
}
