/**
 * The Kerberos client core (RFC 4120) for joining and living in an AD domain: {@link
 * org.bossa.kerberos.KdcClient} (AS and TGS exchanges over UDP and TCP, configured in code),
 * {@link org.bossa.kerberos.KerberosKeys} and {@link org.bossa.kerberos.Salts} (string-to-key and
 * AD's salts), {@link org.bossa.kerberos.Keytab} (the MIT keytab format), and the typed failure
 * {@link org.bossa.kerberos.KerberosException}. The change/set password protocol is in
 * {@code kpasswd}; the GSS layer (RFC 4121) in {@code gss}.
 *
 * <p>Why not Kerby's KrbClient: it reads its settings through KrbConfig (file-shaped), loses KRB-ERROR
 * codes outside its enum, the e-data and the KDC's stime, takes passwords as Strings, and pulls in
 * its token pre-authentication plugin (token-provider, nimbus-jose-jwt). The messages here
 * are built from Kerby's ASN.1 types (kerb-core) and crypto (kerb-crypto) only.
 */
package org.bossa.kerberos;
