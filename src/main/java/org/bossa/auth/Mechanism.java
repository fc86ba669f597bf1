package org.bossa.auth;

import java.util.List;

/**
 * An authentication mechanism SPNEGO can offer and negotiate (NTLMSSP now, Kerberos later).
 */
public interface Mechanism {

    /** The mechanism's short name for logs and the audit line: "ntlm", "kerberos". */
    String name();

    /**
     * The mechanism's object identifiers in dotted form, most preferred first. Kerberos has two
     * (1.2.840.48018.1.2.2 as Windows sends it, and 1.2.840.113554.1.2.2); NTLMSSP has one.
     */
    List<String> oids();

    /** True if {@code token} is this mechanism's own first token sent without SPNEGO around it. */
    boolean recognizesRawToken(byte[] token);

    /** A new acceptor context for one exchange. */
    MechanismContext newContext();
}
