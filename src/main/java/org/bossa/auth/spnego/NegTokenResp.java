package org.bossa.auth.spnego;

import java.util.ArrayList;
import java.util.List;

/**
 * NegTokenResp (RFC 4178 4.2.2), sent as the [1] choice of NegotiationToken, without GSS-API framing:
 * <pre>
 * NegTokenResp ::= SEQUENCE {
 *     negState       [0] ENUMERATED   OPTIONAL,
 *     supportedMech  [1] MechType     OPTIONAL,
 *     responseToken  [2] OCTET STRING OPTIONAL,
 *     mechListMIC    [3] OCTET STRING OPTIONAL }
 * </pre>
 *
 * @param negState the state, or null when absent
 * @param supportedMech the selected mechanism (first reply only), or null
 * @param responseToken the mechanism token, or null
 * @param mechListMic the mechListMIC, or null
 */
public record NegTokenResp(NegState negState, Oid supportedMech, byte[] responseToken, byte[] mechListMic) {

    public NegTokenResp {
        responseToken = responseToken == null ? null : responseToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    public static NegTokenResp decode(byte[] token) throws DerException {
        DerReader top = new DerReader(token);
        DerReader.Tlv choice = top.expect(SpnegoTokens.NEG_TOKEN_RESP);
        top.expectEnd();
        DerReader c = top.contents(choice);
        DerReader.Tlv seq = c.expect(0x30);
        c.expectEnd();
        DerReader r = c.contents(seq);
        NegState state = null;
        Oid mech = null;
        byte[] response = null;
        byte[] mic = null;
        int last = -1;
        while (r.hasMore()) {
            DerReader.Tlv t = r.next();
            last = SpnegoTokens.contextTag(t, last);
            DerReader f = r.contents(t);
            switch (last) {
                case 0 -> state = NegState.of(f.enumerated());
                case 1 -> mech = f.oid();
                case 2 -> response = f.octetString();
                case 3 -> mic = f.octetString();
                default -> throw new DerException("unknown NegTokenResp field [" + last + "]");
            }
            f.expectEnd();
        }
        return new NegTokenResp(state, mech, response, mic);
    }

    public byte[] encode() {
        List<byte[]> fields = new ArrayList<>();
        if (negState != null) {
            fields.add(DerWriter.context(0, DerWriter.enumerated(negState.value())));
        }
        if (supportedMech != null) {
            fields.add(DerWriter.context(1, DerWriter.oid(supportedMech)));
        }
        if (responseToken != null) {
            fields.add(DerWriter.context(2, DerWriter.octetString(responseToken)));
        }
        if (mechListMic != null) {
            fields.add(DerWriter.context(3, DerWriter.octetString(mechListMic)));
        }
        return DerWriter.context(1, DerWriter.sequence(fields.toArray(byte[][]::new)));
    }

    @Override
    public byte[] responseToken() {
        return responseToken == null ? null : responseToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }
}
