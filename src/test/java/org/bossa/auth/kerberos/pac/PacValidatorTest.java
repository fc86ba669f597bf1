package org.bossa.auth.kerberos.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.DomainIdentity;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PacValidatorTest {
    private static final EncryptionKey AES256 = TestPacBuilder.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);
    private static final Instant AUTH = TestPacBuilder.DEFAULT_AUTH_TIME;
    private static final Sid DOMAIN = TestPacBuilder.DOMAIN_SID;

    private static ValidatedPac validate(TestPacBuilder b) throws PacException {
        return PacValidator.validate(b.build(), AES256, "alice", AUTH, false);
    }

    private static TestPacBuilder pac() {
        return new TestPacBuilder(AES256);
    }

    private static void refused(TestPacBuilder b, String reason) {
        assertThatThrownBy(() -> validate(b)).isInstanceOf(PacException.class).hasMessageContaining(reason);
    }

    @Test
    void aValidPacGivesTheIdentityItStates() throws Exception {
        ValidatedPac v = validate(pac());
        DomainIdentity id = v.identity();
        assertThat(id.account()).isEqualTo("alice");
        assertThat(id.logonDomain()).isEqualTo("EXAMPLE");
        assertThat(id.dnsDomain()).isEqualTo("example.test");
        assertThat(id.userSid()).isEqualTo(DOMAIN.withRid(1104));
        assertThat(id.primaryGroupSid()).isEqualTo(DOMAIN.withRid(513));
        // primary group first, GroupIds (513 again is dropped), extra SIDs, resource groups
        assertThat(id.groupSids()).containsExactly(DOMAIN.withRid(513), DOMAIN.withRid(1105),
                TestPacBuilder.ASSERTED_IDENTITY, TestPacBuilder.RESOURCE_DOMAIN_SID.withRid(1201));
        assertThat(v.upn()).contains("alice@example.test");
        assertThat(v.userFlags()).isEqualTo(LogonInfo.USER_FLAG_EXTRA_SIDS | LogonInfo.USER_FLAG_RESOURCE_GROUPS);
        assertThat(v.pac().requestorSid()).contains(DOMAIN.withRid(1104));
    }

    @ParameterizedTest
    @EnumSource(value = EncryptionType.class, names = {"AES128_CTS_HMAC_SHA1_96", "AES256_CTS_HMAC_SHA1_96"})
    void aesKeysVerifyTheirChecksumType(EncryptionType type) throws Exception {
        EncryptionKey key = TestPacBuilder.randomKey(type);
        ValidatedPac v = PacValidator.validate(new TestPacBuilder(key).build(), key, "alice", AUTH, false);
        assertThat(v.pac().serverChecksum().orElseThrow().signatureType()).isEqualTo(TestPacBuilder.checksumType(key));
        assertThat(v.pac().serverChecksum().orElseThrow().signature()).hasSize(12);
    }

    @Test
    void rc4IsAcceptedOnlyWhenAllowed() throws Exception {
        EncryptionKey rc4 = TestPacBuilder.randomKey(EncryptionType.ARCFOUR_HMAC);
        byte[] pac = new TestPacBuilder(rc4).build();
        assertThat(PacValidator.validate(pac, rc4, "alice", AUTH, true).identity().account()).isEqualTo("alice");
        assertThatThrownBy(() -> PacValidator.validate(pac, rc4, "alice", AUTH, false))
                .isInstanceOf(PacException.class).hasMessageContaining("RC4 is not allowed");
    }

    @Test
    void theServerChecksumCoversTicketAndFullChecksums() throws Exception {
        ValidatedPac v = validate(pac().withTicketAndFullChecksums());
        assertThat(v.pac().ticketChecksum()).isPresent();
        assertThat(v.pac().fullChecksum()).isPresent();
    }

    @Test
    void aWrongServerChecksumIsRefused() {
        refused(pac().corruptServerChecksum(), "SERVER_CHECKSUM does not verify");
    }

    @Test
    void anotherServiceKeyIsRefused() {
        byte[] pac = pac().build();
        EncryptionKey other = TestPacBuilder.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        assertThatThrownBy(() -> PacValidator.validate(pac, other, "alice", AUTH, false))
                .isInstanceOf(PacException.class).hasMessageContaining("does not verify");
    }

    @Test
    void aChecksumTypeThatDoesNotFitTheKeyIsRefused() {
        refused(pac().serverChecksumType(PacSignature.HMAC_SHA1_96_AES128), "does not fit the service key");
        refused(pac().serverChecksumType(PacSignature.HMAC_MD5), "RC4 is not allowed");
    }

    @Test
    void anUnknownServerChecksumTypeIsRefused() {
        refused(pac().serverChecksumType(0x8003), "unknown signature type");
    }

    @Test
    void aKeyWithoutAPacChecksumTypeIsRefused() {
        byte[] pac = pac().build();
        EncryptionKey des3 = TestPacBuilder.randomKey(EncryptionType.DES3_CBC_SHA1_KD);
        assertThatThrownBy(() -> PacValidator.validate(pac, des3, "alice", AUTH, false))
                .isInstanceOf(PacException.class).hasMessageContaining("has no PAC checksum type");
    }

    @Test
    void theKdcChecksumIsNotVerified() throws Exception {
        // a PAC signed by some other KDC key still passes: without the krbtgt key there is nothing to check
        EncryptionKey otherKdc = TestPacBuilder.randomKey(EncryptionType.AES128_CTS_HMAC_SHA1_96);
        assertThat(PacValidator.validate(new TestPacBuilder(AES256, otherKdc).build(), AES256, "alice", AUTH, false))
                .isNotNull();
    }

    @Test
    void clientInfoNameMustBeTheTicketClient() {
        refused(pac().clientInfoName("mallory"), "CLIENT_INFO name \"mallory\" is not the ticket's client \"alice\"");
    }

    @Test
    void clientInfoNameIsComparedIgnoringCase() throws Exception {
        assertThat(validate(pac().clientInfoName("ALICE")).identity().account()).isEqualTo("alice");
    }

    @Test
    void anEnterpriseClientNameIsTheWholeUpn() throws Exception {
        byte[] pac = pac().clientName("alice@corp.example").build();
        assertThat(PacValidator.validate(pac, AES256, "alice@corp.example", AUTH, false)).isNotNull();
        assertThatThrownBy(() -> PacValidator.validate(pac, AES256, "alice", AUTH, false))
                .isInstanceOf(PacException.class).hasMessageContaining("CLIENT_INFO name");
    }

    @Test
    void clientInfoTimeMustBeTheTicketAuthTime() {
        refused(pac().clientInfoAuthTime(AUTH.plusSeconds(1)), "CLIENT_INFO ClientId 2025-03-01T10:15:31Z is not");
        refused(pac().clientInfoAuthTime(AUTH.minusSeconds(1)), "is not the ticket's authtime 2025-03-01T10:15:30Z");
    }

    @Test
    void clientInfoTimeIsComparedToTheSecond() throws Exception {
        byte[] pac = pac().build();
        assertThat(PacValidator.validate(pac, AES256, "alice", AUTH.plusMillis(999), false)).isNotNull();
    }

    @Test
    void aRequestorOtherThanTheUserIsRefused() {
        refused(pac().requestorSid(DOMAIN.withRid(500)), "REQUESTOR SID " + DOMAIN.withRid(500) + " is not the");
    }

    @Test
    void aPacWithoutRequestorIsAccepted() throws Exception {
        assertThat(validate(pac().omit(PacBufferType.REQUESTOR)).pac().requestorSid()).isEmpty();
    }

    @Test
    void anUpnSidOtherThanTheUserIsRefused() {
        refused(pac().upnSid(DOMAIN.withRid(500)), "UPN_DNS_INFO SID");
    }

    @Test
    void anUpnSamNameOtherThanTheAccountIsRefused() {
        refused(pac().upnSamName("bob"), "UPN_DNS_INFO SamName \"bob\" is not the LOGON_INFO EffectiveName");
    }

    @Test
    void anUpnSamNameDifferingInCaseIsAccepted() throws Exception {
        assertThat(validate(pac().upnSamName("ALICE"))).isNotNull();
    }

    @Test
    void anUpnWithoutTheSFlagIsNotCrossChecked() throws Exception {
        ValidatedPac v = validate(pac().withoutUpnSamNameAndSid().upnSid(DOMAIN.withRid(500)));
        assertThat(v.pac().upnDnsInfo().orElseThrow().hasSamNameAndSid()).isFalse();
        assertThat(v.upn()).contains("alice@example.test");
    }

    @Test
    void withoutUpnDnsInfoTheDnsDomainIsEmpty() throws Exception {
        ValidatedPac v = validate(pac().omit(PacBufferType.UPN_DNS_INFO));
        assertThat(v.identity().dnsDomain()).isEmpty();
        assertThat(v.upn()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {PacBufferType.LOGON_INFO, PacBufferType.CLIENT_INFO, PacBufferType.SERVER_CHECKSUM,
            PacBufferType.KDC_CHECKSUM})
    void requiredBuffersMustBePresent(int type) {
        refused(pac().omit(type), "PAC has no " + PacBufferType.name(type) + " buffer");
    }

    @ParameterizedTest
    @ValueSource(ints = {PacBufferType.LOGON_INFO, PacBufferType.CLIENT_INFO, PacBufferType.SERVER_CHECKSUM,
            PacBufferType.KDC_CHECKSUM, PacBufferType.UPN_DNS_INFO, PacBufferType.REQUESTOR})
    void duplicateBuffersAreRefused(int type) {
        refused(pac().duplicate(type), "PAC has more than one " + PacBufferType.name(type) + " buffer");
    }

    @Test
    void resourceGroupsCountOnlyWithTheirFlag() throws Exception {
        ValidatedPac v = validate(pac().userFlags(LogonInfo.USER_FLAG_EXTRA_SIDS));
        assertThat(v.identity().groupSids()).doesNotContain(TestPacBuilder.RESOURCE_DOMAIN_SID.withRid(1201));
        assertThat(v.pac().logonInfo().orElseThrow().resourceGroupIds()).hasSize(1);
    }

    @Test
    void resourceGroupsWithoutTheirDomainAreRefused() {
        refused(pac().resourceGroups(null, 1201, 1202), "2 resource groups but no ResourceGroupDomainSid");
    }

    @Test
    void groupsKeepTheirOrderAndLoseDuplicates() throws Exception {
        Sid extra = Sid.parse("S-1-5-21-9-9-9-1000");
        ValidatedPac v = validate(pac().primaryGroupRid(1105).groups(1300, 1105, 1200, 1300)
                .extraSids(extra, DOMAIN.withRid(1200)).resourceGroups(DOMAIN, 1400, 1300));
        assertThat(v.identity().groupSids()).containsExactly(DOMAIN.withRid(1105), DOMAIN.withRid(1300),
                DOMAIN.withRid(1200), extra, DOMAIN.withRid(1400));
        assertThat(v.identity().primaryGroupSid()).isEqualTo(DOMAIN.withRid(1105));
    }

    @Test
    void aPacWithoutGroupsOrExtraSidsHasOnlyThePrimaryGroup() throws Exception {
        ValidatedPac v = validate(pac().groups().extraSids().resourceGroups(null).userFlags(0));
        assertThat(v.identity().groupSids()).isEqualTo(List.of(DOMAIN.withRid(513)));
    }

    @Test
    void reasonsQuoteWireStrings() {
        refused(pac().clientInfoName("evil\nINFO forged"), "\"evil\\nINFO forged\"");
    }
}
