package org.bossa.rpc.netlogon.ndr;

import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.get;
import static org.bossa.rpc.netlogon.ndr.NetlogonVectors.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.bossa.dcerpc.NdrException;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

/** LogonSamLogonEx answers at validation levels 6, 3 and 2, and failures. */
class ValidationInfoDecodingTest {
    private static final Sid DOMAIN = Sid.parse("S-1-5-21-1111111111-2222222222-3333333333");
    private static final long NEVER = 0x7FFFFFFFFFFFFFFFL;
    private static final List<SidAndAttributes> EXTRA = List.of(
            new SidAndAttributes(Sid.parse("S-1-18-1"), 7),
            new SidAndAttributes(DOMAIN.withRid(1200), 0x20000007),
            new SidAndAttributes(Sid.parse("S-1-5-21-9-8-7-512"), 7));

    /** The generator's base_info() at {@code level}. */
    private static ValidationInfo expected(int level, List<SidAndAttributes> extra, String dns, String upn) {
        return new ValidationInfo(level, 0x01DA000011112222L, NEVER, NEVER, 0x01D9000033334444L, 0x01D9000155556666L,
                NEVER, "alice", "Alice Example", "", "", "", "", 7, 1, 1104, 513,
                List.of(new GroupMembership(513, 7), new GroupMembership(1110, 7)), 0x120, seq(0x70, 16), "DC1",
                "FIXTURE", DOMAIN, new byte[8], 0x210, 0, 0, 0, 0, 0, extra, dns, upn);
    }

    @Test
    void samInfo4DecodesEveryField() {
        var r = LogonSamLogonEx.decodeResponse(get("samLogonEx.sam6.out"), 6);
        assertThat(r.status()).isZero();
        assertThat(r.authoritative()).isTrue();
        assertThat(r.extraFlags()).isZero();
        ValidationInfo v = r.validation().orElseThrow();
        assertThat(v).isEqualTo(expected(6, EXTRA, "fixture.test", "alice@fixture.test"));
        assertThat(v.userSid()).isEqualTo(Sid.parse("S-1-5-21-1111111111-2222222222-3333333333-1104"));
        assertThat(v.primaryGroupSid()).isEqualTo(DOMAIN.withRid(513));
        assertThat(v.groupSids()).containsExactly(DOMAIN.withRid(513), DOMAIN.withRid(1110));
        assertThat(v.resourceGroups()).containsExactly(new SidAndAttributes(DOMAIN.withRid(1200), 0x20000007));
        assertThat(v.userSessionKey()).isEqualTo(seq(0x70, 16));
        assertThat(v.isGuest()).isFalse();
    }

    @Test
    void samInfo2HasTheExtraSidsButNoDnsNames() {
        ValidationInfo v = LogonSamLogonEx.decodeResponse(get("samLogonEx.sam3.out"), 3).validation().orElseThrow();
        assertThat(v).isEqualTo(expected(3, EXTRA, "", ""));
    }

    @Test
    void samInfoHasNoExtraSids() {
        ValidationInfo v = LogonSamLogonEx.decodeResponse(get("samLogonEx.sam2.out"), 2).validation().orElseThrow();
        assertThat(v).isEqualTo(expected(2, List.of(), "", ""));
    }

    @Test
    void failedLogonHasNoValidation() {
        var r = LogonSamLogonEx.decodeResponse(get("samLogonEx.failure.out"), 6);
        assertThat(r.status()).isEqualTo(0xC000006D);
        assertThat(r.validation()).isEmpty();
        assertThat(r.authoritative()).isTrue();
    }

    @Test
    void anErrorStatusWinsOverAMarshalledStructure() {
        byte[] stub = get("samLogonEx.sam6.out");
        // STATUS_ACCOUNT_DISABLED in place of STATUS_SUCCESS, the structure left as it is
        int at = stub.length - 4;
        stub[at] = 0x72;
        stub[at + 1] = 0x00;
        stub[at + 2] = 0x00;
        stub[at + 3] = (byte) 0xC0;
        var r = LogonSamLogonEx.decodeResponse(stub, 6);
        assertThat(r.status()).isEqualTo(0xC0000072);
        assertThat(r.validation()).isEmpty();
    }

    @Test
    void answerAtAnotherLevelIsMalformed() {
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(get("samLogonEx.sam3.out"), 6))
                .isInstanceOf(NdrException.class).hasMessageContaining("validation level 3, requested 6");
    }

    @Test
    void keysAreCopiedAndNeverPrinted() {
        ValidationInfo v = LogonSamLogonEx.decodeResponse(get("samLogonEx.sam6.out"), 6).validation().orElseThrow();
        v.userSessionKey()[0] = 0;
        assertThat(v.userSessionKey()).isEqualTo(seq(0x70, 16));
        String s = v.toString() + LogonSamLogonEx.decodeResponse(get("samLogonEx.sam6.out"), 6);
        assertThat(s).contains("FIXTURE\\alice", "S-1-5-21-1111111111-2222222222-3333333333-1104")
                .doesNotContain("7071", "112, 113", "[B@");
    }

    // ------------------------------------------------------------ malformed answers built from the vector

    /** Offset of the GroupCount field in the level-6 vector: after 6 times, 6 names, 2 u16, 2 u32. */
    private static final int GROUP_COUNT = 8 + 48 + 48 + 4 + 8;

    @Test
    void groupCountDisagreeingWithTheArrayIsMalformed() {
        byte[] stub = get("samLogonEx.sam6.out");
        stub[GROUP_COUNT] = 3;
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessageContaining("GroupIds max_count 2 != GroupCount 3");
    }

    @Test
    void hugeArrayCountsFailBeforeAllocating() {
        byte[] stub = get("samLogonEx.sam6.out");
        int groupsArray = indexOf(stub, new byte[] {2, 0, 0, 0, 1, 2, 0, 0, 7, 0, 0, 0}); // max_count 2, rid 513
        stub[GROUP_COUNT] = (byte) 0xFF;
        stub[GROUP_COUNT + 1] = (byte) 0xFF;
        stub[GROUP_COUNT + 2] = (byte) 0xFF;
        stub[GROUP_COUNT + 3] = (byte) 0x7F;
        stub[groupsArray] = (byte) 0xFF;
        stub[groupsArray + 1] = (byte) 0xFF;
        stub[groupsArray + 2] = (byte) 0xFF;
        stub[groupsArray + 3] = (byte) 0x7F;
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessageContaining("exceeds remaining");
    }

    @Test
    void nullGroupPointerWithAGroupCountIsMalformed() {
        byte[] stub = get("samLogonEx.sam6.out");
        Arrays.fill(stub, GROUP_COUNT + 4, GROUP_COUNT + 8, (byte) 0);
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessageContaining("null GroupIds pointer");
    }

    @Test
    void missingLogonDomainIdIsMalformed() {
        byte[] full = get("samLogonEx.sam6.out");
        // LogonDomainId pointer: after GroupIds pointer, UserFlags, the key and two strings
        int pointer = GROUP_COUNT + 8 + 4 + 16 + 16;
        // its pointee: max_count 4, S-1-5-21-a-b-c (28 bytes), the first SID after the names
        int sid = indexOf(full, new byte[] {4, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0});
        byte[] stub = new byte[full.length - 28];
        System.arraycopy(full, 0, stub, 0, sid);
        System.arraycopy(full, sid + 28, stub, sid, full.length - sid - 28);
        Arrays.fill(stub, pointer, pointer + 4, (byte) 0);
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessage("validation without a LogonDomainId");
    }

    @Test
    void sidWithSubAuthorityCountBeyondFifteenIsMalformed() {
        byte[] stub = get("samLogonEx.sam6.out");
        int sid = indexOf(stub, new byte[] {4, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0});
        stub[sid] = 16;
        stub[sid + 5] = 16;
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessageContaining("sub-authority count 16");
    }

    @Test
    void stringLengthsDisagreeingWithTheBufferAreMalformed() {
        byte[] stub = get("samLogonEx.sam6.out");
        stub[8 + 48] = 8; // EffectiveName Length 10 -> 8 while the buffer holds 5 characters
        assertThatThrownBy(() -> LogonSamLogonEx.decodeResponse(stub, 6)).isInstanceOf(NdrException.class)
                .hasMessageContaining("do not match lengths");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not in vector");
    }
}
