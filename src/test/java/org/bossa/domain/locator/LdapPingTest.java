package org.bossa.domain.locator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.asn1.ASN1Element;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LDAP messages around the ping: the request Samba answered, and the answers' decoding. */
class LdapPingTest {

    @Test
    void requestIsTheOneTheDevDcAnswered() {
        assertThat(LdapPing.request(7, "example.test", 0x0e)).isEqualTo(PingVectors.get("request.0e"));
        assertThat(LdapPing.request(7, "example.test", 0x06)).isEqualTo(PingVectors.get("request.06"));
    }

    @Test
    void requestReadsAsTheLdapPingSearchInAnIndependentDecoder() throws Exception {
        LDAPMessage m = LDAPMessage.decode(ASN1Element.decode(LdapPing.request(123456, "example.test",
                NtVersion.LOCATOR_REQUEST)));

        assertThat(m.getMessageID()).isEqualTo(123456);
        SearchRequestProtocolOp search = m.getSearchRequestProtocolOp();
        assertThat(search.getBaseDN()).isEmpty();
        assertThat(search.getScope()).isEqualTo(SearchScope.BASE);
        assertThat(search.getDerefPolicy()).isEqualTo(DereferencePolicy.NEVER);
        assertThat(search.getSizeLimit()).isZero();
        assertThat(search.getTimeLimit()).isZero();
        assertThat(search.typesOnly()).isFalse();
        assertThat(search.getAttributes()).containsExactly("Netlogon");
        assertThat(search.getFilter()).isEqualTo(Filter.createANDFilter(
                Filter.createEqualityFilter("DnsDomain", "example.test"),
                Filter.createEqualityFilter("NtVer", new byte[] {0x0e, 0, 0, 0})));
    }

    @Test
    void answerCarriesTheNetlogonValue() throws Exception {
        LdapPing.Answer a = LdapPing.answer(PingVectors.get("answer.0e"));

        assertThat(a.messageId()).isEqualTo(7);
        assertThat(a.resultCode()).isZero();
        assertThat(a.netlogon()).hasValueSatisfying(v -> assertThat(HexFormat.of().formatHex(v))
                .startsWith("17000000fd130000").endsWith("0d000000ffffffff"));
    }

    @Test
    void aDcOfAnotherDomainSendsOnlyTheDoneMessage() throws Exception {
        LdapPing.Answer a = LdapPing.answer(PingVectors.get("answer.otherDomain"));

        assertThat(a.messageId()).isEqualTo(7);
        assertThat(a.netlogon()).isEmpty();
        assertThat(a.resultCode()).isZero();
    }

    @Test
    void readsAnErrorResult() throws Exception {
        LdapPing.Answer a = LdapPing.answer(FakeCldapServer.done(9, ResultCode.UNWILLING_TO_PERFORM));

        assertThat(a.messageId()).isEqualTo(9);
        assertThat(a.netlogon()).isEmpty();
        assertThat(a.resultCode()).isEqualTo(53);
        assertThat(a.diagnostic()).isEqualTo("refused");
    }

    @Test
    void attributeNameIsCaseInsensitive() throws Exception {
        // FakeCldapServer writes "netlogon" in lower case, as Samba does.
        byte[] blob = PingVectors.netlogon("answer.06");
        assertThat(LdapPing.answer(FakeCldapServer.answer(3, blob)).netlogon()).hasValue(blob);
    }

    @Test
    void everyPrefixCuttingTheFirstMessageFails() throws Exception {
        byte[] datagram = PingVectors.get("answer.0e");
        int firstMessage = ASN1Element.decode(Arrays.copyOf(datagram, datagram.length - 14)).encode().length;
        for (int n = 0; n < firstMessage; n++) {
            byte[] cut = Arrays.copyOf(datagram, n);
            assertThatThrownBy(() -> LdapPing.answer(cut)).as("prefix of %d bytes", n)
                    .isInstanceOf(NetlogonFormatException.class);
        }
    }

    @Test
    void rejectsMessagesWithDifferentIds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] entry = FakeCldapServer.answer(5, new byte[] {1});
        out.write(entry, 0, entry.length - FakeCldapServer.done(5, ResultCode.SUCCESS).length);
        out.writeBytes(FakeCldapServer.done(6, ResultCode.SUCCESS));

        assertThatThrownBy(() -> LdapPing.answer(out.toByteArray()))
                .isInstanceOf(NetlogonFormatException.class)
                .hasMessage("LDAPMessage 1 has messageID 6, the first had 5");
    }

    @Test
    void rejectsNonBerAndTwoValues() {
        assertThatThrownBy(() -> LdapPing.answer(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff,
                (byte) 0xff})).isInstanceOf(NetlogonFormatException.class);
        assertThatThrownBy(() -> LdapPing.answer(new byte[] {0x04, 0x00})).isInstanceOf(NetlogonFormatException.class);
        assertThatThrownBy(() -> LdapPing.answer(new byte[0])).isInstanceOf(NetlogonFormatException.class)
                .hasMessage("empty CLDAP datagram");

        byte[] twoValues = new LDAPMessage(4, new com.unboundid.ldap.protocol.SearchResultEntryProtocolOp("",
                List.of(new com.unboundid.ldap.sdk.Attribute("Netlogon", new byte[] {1}, new byte[] {2}))))
                .encode().encode();
        assertThatThrownBy(() -> LdapPing.answer(twoValues)).isInstanceOf(NetlogonFormatException.class)
                .hasMessage("Netlogon attribute has 2 values");
    }
}
