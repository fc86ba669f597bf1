package org.bossa.auth.spnego;

import java.util.ArrayList;
import java.util.List;

/**
 * NegTokenInit as a client sends it (RFC 4178 4.2.1), inside the GSS-API InitialContextToken:
 * <pre>
 * NegTokenInit ::= SEQUENCE {
 *     mechTypes    [0] MechTypeList,
 *     reqFlags     [1] ContextFlags  OPTIONAL,
 *     mechToken    [2] OCTET STRING  OPTIONAL,
 *     mechListMIC  [3] OCTET STRING  OPTIONAL }
 * </pre>
 *
 * @param mechTypes the initiator's mechanisms, most preferred first
 * @param mechTypesDer the DER MechTypeList exactly as received (what the mechListMIC covers)
 * @param reqFlags the ContextFlags BIT STRING content, or null
 * @param mechToken the optimistic token for mechTypes[0], or null
 * @param mechListMic the mechListMIC, or null
 */
public record NegTokenInit(List<Oid> mechTypes, byte[] mechTypesDer, byte[] reqFlags, byte[] mechToken,
        byte[] mechListMic) {

    public NegTokenInit {
        mechTypes = List.copyOf(mechTypes);
        mechTypesDer = mechTypesDer == null ? SpnegoTokens.mechTypeList(mechTypes) : mechTypesDer.clone();
        reqFlags = reqFlags == null ? null : reqFlags.clone();
        mechToken = mechToken == null ? null : mechToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    public NegTokenInit(List<Oid> mechTypes, byte[] mechToken) {
        this(mechTypes, null, null, mechToken, null);
    }

    /** Decodes a complete initial SPNEGO token (0x60 ...). */
    public static NegTokenInit decodeInitialToken(byte[] token) throws DerException {
        DerReader r = SpnegoTokens.unwrapInitial(token);
        SpnegoTokens.MechTypes mt = null;
        byte[] reqFlags = null;
        byte[] mechToken = null;
        byte[] mic = null;
        int last = -1;
        while (r.hasMore()) {
            DerReader.Tlv t = r.next();
            last = SpnegoTokens.contextTag(t, last);
            DerReader f = r.contents(t);
            switch (last) {
                case 0 -> mt = SpnegoTokens.readMechTypes(f);
                case 1 -> {
                    reqFlags = f.content(f.expect(0x03));
                    f.expectEnd();
                }
                case 2 -> {
                    mechToken = f.octetString();
                    f.expectEnd();
                }
                case 3 -> {
                    mic = f.octetString();
                    f.expectEnd();
                }
                default -> throw new DerException("unknown NegTokenInit field [" + last + "]");
            }
        }
        if (mt == null) {
            throw new DerException("NegTokenInit without mechTypes");
        }
        return new NegTokenInit(mt.oids(), mt.der(), reqFlags, mechToken, mic);
    }

    /** Encodes the complete initial token (0x60 ...); used by test initiators. */
    public byte[] encodeInitialToken() {
        List<byte[]> fields = new ArrayList<>();
        fields.add(DerWriter.context(0, mechTypesDer));
        if (reqFlags != null) {
            fields.add(DerWriter.context(1, DerWriter.tlv(0x03, reqFlags)));
        }
        if (mechToken != null) {
            fields.add(DerWriter.context(2, DerWriter.octetString(mechToken)));
        }
        if (mechListMic != null) {
            fields.add(DerWriter.context(3, DerWriter.octetString(mechListMic)));
        }
        return SpnegoTokens.wrapInitial(DerWriter.sequence(fields.toArray(byte[][]::new)));
    }

    @Override
    public byte[] mechTypesDer() {
        return mechTypesDer.clone();
    }

    @Override
    public byte[] mechToken() {
        return mechToken == null ? null : mechToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] reqFlags() {
        return reqFlags == null ? null : reqFlags.clone();
    }
}
