package org.bossa.auth.kerberos;

import java.util.List;
import java.util.Objects;
import org.bossa.auth.Mechanism;
import org.bossa.auth.MechanismContext;

/**
 * Kerberos V5 as a SPNEGO mechanism: Windows' OID 1.2.840.48018.1.2.2 (MS-KRB5, what Windows
 * clients list first) and the standard 1.2.840.113554.1.2.2. Each exchange is one AP-REQ checked
 * by the shared {@link Krb5Acceptor} against the machine keytab, then its PAC checked and turned
 * into the user's identity; no DC is asked.
 */
public final class KerberosMechanism implements Mechanism {
    /** MS-KRB5: the OID Windows (and Samba's client) send; a historical mistake kept for compatibility. */
    public static final String MS_KRB5_OID = "1.2.840.48018.1.2.2";
    /** RFC 1964 / RFC 4121: the standard Kerberos V5 GSS-API mechanism. */
    public static final String KRB5_OID = "1.2.840.113554.1.2.2";

    private final Krb5Acceptor acceptor;

    public KerberosMechanism(Krb5Acceptor acceptor) {
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
    }

    @Override
    public String name() {
        return "kerberos";
    }

    @Override
    public List<String> oids() {
        return List.of(MS_KRB5_OID, KRB5_OID);
    }

    /** A GSS InitialContextToken of Kerberos (thisMech is one of our OIDs) is recognised by SPNEGO's own check. */
    @Override
    public boolean recognizesRawToken(byte[] token) {
        return false;
    }

    @Override
    public MechanismContext newContext() {
        return new KerberosContext(acceptor);
    }
}
