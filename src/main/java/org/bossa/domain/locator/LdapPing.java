package org.bossa.domain.locator;

import com.unboundid.asn1.ASN1Boolean;
import com.unboundid.asn1.ASN1Element;
import com.unboundid.asn1.ASN1Enumerated;
import com.unboundid.asn1.ASN1Exception;
import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.asn1.ASN1Set;
import com.unboundid.asn1.ASN1StreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The LDAP messages of an LDAP ping (MS-ADTS 6.3.3) over CLDAP: the request is an LDAPv3
 * searchRequest (RFC 4511 4.5.1) with an empty base, scope baseObject, the filter
 * {@code (&(DnsDomain=...)(NtVer=...))} and the single attribute {@code Netlogon}; NtVer is the
 * 4-byte little-endian NETLOGON_NT_VERSION value as the assertion's octets. The DC answers in one
 * datagram with a searchResEntry carrying the Netlogon value and a searchResDone.
 */
public final class LdapPing {
    /** Netlogon service's LDAP ping port, over UDP (CLDAP). */
    public static final int PORT = 389;

    private static final byte SEARCH_REQUEST = 0x63;       // [APPLICATION 3]
    private static final byte SEARCH_RESULT_ENTRY = 0x64;  // [APPLICATION 4]
    private static final byte SEARCH_RESULT_DONE = 0x65;   // [APPLICATION 5]
    private static final byte FILTER_AND = (byte) 0xA0;    // [0] SET OF Filter
    private static final byte FILTER_EQUALITY = (byte) 0xA3; // [3] AttributeValueAssertion
    private static final int SCOPE_BASE_OBJECT = 0;
    private static final int DEREF_NEVER = 0;

    private LdapPing() {
    }

    /**
     * What one datagram of the answer says.
     *
     * @param messageId  the LDAPMessage messageID all messages in the datagram carry
     * @param netlogon   the Netlogon attribute's value, when a searchResEntry carried one
     * @param resultCode the searchResDone resultCode, or -1 when the datagram held none
     * @param diagnostic the searchResDone diagnosticMessage
     */
    public record Answer(int messageId, Optional<byte[]> netlogon, int resultCode, String diagnostic) {
    }

    public static byte[] request(int messageId, String dnsDomain, int ntVersion) {
        byte[] ntVer = {(byte) ntVersion, (byte) (ntVersion >>> 8), (byte) (ntVersion >>> 16),
                (byte) (ntVersion >>> 24)};
        ASN1Element filter = new ASN1Set(FILTER_AND,
                equality("DnsDomain", dnsDomain.getBytes(StandardCharsets.UTF_8)),
                equality("NtVer", ntVer));
        ASN1Sequence search = new ASN1Sequence(SEARCH_REQUEST,
                new ASN1OctetString(""),
                new ASN1Enumerated(SCOPE_BASE_OBJECT),
                new ASN1Enumerated(DEREF_NEVER),
                new ASN1Integer(0),
                new ASN1Integer(0),
                new ASN1Boolean(false),
                filter,
                new ASN1Sequence(new ASN1OctetString("Netlogon")));
        return new ASN1Sequence(new ASN1Integer(messageId), search).encode();
    }

    private static ASN1Element equality(String attribute, byte[] value) {
        return new ASN1Sequence(FILTER_EQUALITY, new ASN1OctetString(attribute), new ASN1OctetString(value));
    }

    /**
     * Decodes the LDAP messages in one answer datagram. Messages other than searchResEntry and
     * searchResDone, and attributes other than Netlogon, are skipped.
     */
    public static Answer answer(byte[] datagram) throws NetlogonFormatException {
        int messageId = -1;
        byte[] netlogon = null;
        int resultCode = -1;
        String diagnostic = "";
        try (ASN1StreamReader reader = new ASN1StreamReader(new ByteArrayInputStream(datagram), datagram.length)) {
            ASN1Element message;
            int count = 0;
            while ((message = reader.readElement()) != null) {
                ASN1Element[] parts = ASN1Sequence.decodeAsSequence(message).elements();
                if (parts.length < 2) {
                    throw new NetlogonFormatException("LDAPMessage " + count + " has " + parts.length
                            + " elements");
                }
                int id = ASN1Integer.decodeAsInteger(parts[0]).intValue();
                if (count > 0 && id != messageId) {
                    throw new NetlogonFormatException("LDAPMessage " + count + " has messageID " + id
                            + ", the first had " + messageId);
                }
                messageId = id;
                ASN1Element op = parts[1];
                if (op.getType() == SEARCH_RESULT_ENTRY) {
                    byte[] v = netlogonValue(op);
                    if (v != null) {
                        netlogon = v;
                    }
                } else if (op.getType() == SEARCH_RESULT_DONE) {
                    ASN1Element[] result = ASN1Sequence.decodeAsSequence(op).elements();
                    if (result.length < 3) {
                        throw new NetlogonFormatException("searchResDone has " + result.length + " elements");
                    }
                    resultCode = ASN1Enumerated.decodeAsEnumerated(result[0]).intValue();
                    diagnostic = ASN1OctetString.decodeAsOctetString(result[2]).stringValue();
                }
                count++;
            }
            if (count == 0) {
                throw new NetlogonFormatException("empty CLDAP datagram");
            }
        } catch (ASN1Exception | IOException e) {
            throw new NetlogonFormatException("CLDAP answer is not BER: " + e.getMessage());
        }
        return new Answer(messageId, Optional.ofNullable(netlogon), resultCode, diagnostic);
    }

    /** SearchResultEntry: objectName, attributes SEQUENCE OF {type, vals SET OF value}. */
    private static byte[] netlogonValue(ASN1Element entry) throws ASN1Exception, NetlogonFormatException {
        ASN1Element[] e = ASN1Sequence.decodeAsSequence(entry).elements();
        if (e.length != 2) {
            throw new NetlogonFormatException("searchResEntry has " + e.length + " elements");
        }
        for (ASN1Element attribute : ASN1Sequence.decodeAsSequence(e[1]).elements()) {
            ASN1Element[] a = ASN1Sequence.decodeAsSequence(attribute).elements();
            if (a.length != 2) {
                throw new NetlogonFormatException("PartialAttribute has " + a.length + " elements");
            }
            String type = ASN1OctetString.decodeAsOctetString(a[0]).stringValue();
            if (type.equalsIgnoreCase("Netlogon")) {
                ASN1Element[] values = ASN1Set.decodeAsSet(a[1]).elements();
                if (values.length != 1) {
                    throw new NetlogonFormatException("Netlogon attribute has " + values.length + " values");
                }
                return values[0].getValue();
            }
        }
        return null;
    }
}
