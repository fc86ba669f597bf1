package org.bossa.auth.spnego;

import java.util.ArrayList;
import java.util.List;

/**
 * NegTokenInit2 (MS-SPNG 2.2.1), what a server puts in its SMB2 NEGOTIATE response:
 * <pre>
 * NegTokenInit2 ::= SEQUENCE {
 *     mechTypes    [0] MechTypeList  OPTIONAL,
 *     reqFlags     [1] ContextFlags  OPTIONAL,
 *     mechToken    [2] OCTET STRING  OPTIONAL,
 *     negHints     [3] NegHints      OPTIONAL,
 *     mechListMIC  [4] OCTET STRING  OPTIONAL }
 * NegHints ::= SEQUENCE {
 *     hintName     [0] GeneralString OPTIONAL,
 *     hintAddress  [1] OCTET STRING  OPTIONAL }
 * </pre>
 * Windows and Samba send hintName "not_defined_in_RFC4178@please_ignore".
 *
 * @param mechTypes the acceptor's mechanisms, most preferred first
 * @param hintName negHints.hintName, or null for no negHints
 */
public record NegTokenInit2(List<Oid> mechTypes, String hintName) {
    public static final String IGNORE_HINT = "not_defined_in_RFC4178@please_ignore";

    public NegTokenInit2 {
        mechTypes = List.copyOf(mechTypes);
    }

    public byte[] encodeInitialToken() {
        List<byte[]> fields = new ArrayList<>();
        fields.add(DerWriter.context(0, SpnegoTokens.mechTypeList(mechTypes)));
        if (hintName != null) {
            fields.add(DerWriter.context(3, DerWriter.sequence(DerWriter.context(0,
                    DerWriter.generalString(hintName)))));
        }
        return SpnegoTokens.wrapInitial(DerWriter.sequence(fields.toArray(byte[][]::new)));
    }

    /** Decodes a server's initial token; other fields than mechTypes and negHints are checked and skipped. */
    public static NegTokenInit2 decodeInitialToken(byte[] token) throws DerException {
        DerReader r = SpnegoTokens.unwrapInitial(token);
        List<Oid> mechs = List.of();
        String hint = null;
        int last = -1;
        while (r.hasMore()) {
            DerReader.Tlv t = r.next();
            last = SpnegoTokens.contextTag(t, last);
            DerReader f = r.contents(t);
            switch (last) {
                case 0 -> mechs = SpnegoTokens.readMechTypes(f).oids();
                case 1, 2, 4 -> {
                    f.next();
                    f.expectEnd();
                }
                case 3 -> {
                    DerReader.Tlv seq = f.expect(0x30);
                    f.expectEnd();
                    DerReader h = f.contents(seq);
                    int lastHint = -1;
                    while (h.hasMore()) {
                        DerReader.Tlv ht = h.next();
                        lastHint = SpnegoTokens.contextTag(ht, lastHint);
                        DerReader hv = h.contents(ht);
                        if (lastHint == 0) {
                            hint = hv.generalString();
                        } else {
                            hv.next();
                        }
                        hv.expectEnd();
                    }
                }
                default -> throw new DerException("unknown NegTokenInit2 field [" + last + "]");
            }
        }
        return new NegTokenInit2(mechs, hint);
    }
}
