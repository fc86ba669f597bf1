package org.bossa.auth.spnego;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GSS-API framing around SPNEGO (RFC 2743 3.1, RFC 4178 4.2) and shared pieces. */
public final class SpnegoTokens {
    private SpnegoTokens() {
    }

    /** Tag of the GSS-API InitialContextToken, [APPLICATION 0] constructed. */
    public static final int INITIAL_CONTEXT_TOKEN = 0x60;
    /** NegotiationToken choice negTokenInit [0]. */
    public static final int NEG_TOKEN_INIT = 0xA0;
    /** NegotiationToken choice negTokenResp [1]. */
    public static final int NEG_TOKEN_RESP = 0xA1;

    /** 60 { thisMech = SPNEGO, innerToken = [0] NegTokenInit } */
    static byte[] wrapInitial(byte[] negTokenInitSequence) {
        return DerWriter.tlv(INITIAL_CONTEXT_TOKEN, DerWriter.oid(Oid.SPNEGO),
                DerWriter.context(0, negTokenInitSequence));
    }

    /**
     * Opens an InitialContextToken whose thisMech is SPNEGO and whose inner token is [0] NegTokenInit; returns a
     * reader over the NegTokenInit SEQUENCE content. Trailing bytes anywhere are refused.
     */
    static DerReader unwrapInitial(byte[] token) throws DerException {
        DerReader top = new DerReader(token);
        DerReader.Tlv app = top.expect(INITIAL_CONTEXT_TOKEN);
        top.expectEnd();
        DerReader in = top.contents(app);
        Oid mech = in.oid();
        if (!mech.equals(Oid.SPNEGO)) {
            throw new DerException("thisMech " + mech + " is not SPNEGO");
        }
        DerReader.Tlv init = in.expect(NEG_TOKEN_INIT);
        in.expectEnd();
        DerReader initReader = in.contents(init);
        DerReader.Tlv seq = initReader.expect(0x30);
        initReader.expectEnd();
        return initReader.contents(seq);
    }

    /** The thisMech OID of a GSS-API InitialContextToken, if {@code token} is one. */
    public static Optional<Oid> initialTokenMech(byte[] token) {
        if (token.length == 0 || (token[0] & 0xFF) != INITIAL_CONTEXT_TOKEN) {
            return Optional.empty();
        }
        try {
            DerReader top = new DerReader(token);
            DerReader in = top.contents(top.expect(INITIAL_CONTEXT_TOKEN));
            return Optional.of(in.oid());
        } catch (DerException e) {
            return Optional.empty();
        }
    }

    /** Reads MechTypeList, a SEQUENCE OF OID, from the content of [0]; returns the list and its DER encoding. */
    static MechTypes readMechTypes(DerReader field) throws DerException {
        DerReader.Tlv seq = field.expect(0x30);
        field.expectEnd();
        byte[] der = field.encoded(seq);
        DerReader r = field.contents(seq);
        List<Oid> oids = new ArrayList<>();
        while (r.hasMore()) {
            oids.add(r.oid());
        }
        return new MechTypes(oids, der);
    }

    record MechTypes(List<Oid> oids, byte[] der) {
    }

    static byte[] mechTypeList(List<Oid> mechTypes) {
        byte[][] parts = new byte[mechTypes.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = DerWriter.oid(mechTypes.get(i));
        }
        return DerWriter.sequence(parts);
    }

    /** Checks context tags come in increasing order and returns the tag number. */
    static int contextTag(DerReader.Tlv tlv, int previous) throws DerException {
        int tag = tlv.tag();
        if ((tag & 0xE0) != 0xA0) {
            throw new DerException(String.format("tag 0x%02x where a context tag belongs", tag));
        }
        int n = tag & 0x1F;
        if (n <= previous) {
            throw new DerException("context tag [" + n + "] out of order or repeated");
        }
        return n;
    }
}
