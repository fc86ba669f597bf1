/**
 * The Kerberos V5 GSS-API acceptor an SMB server needs (RFC 4121, RFC 4120, MS-KILE): {@link
 * org.bossa.auth.kerberos.Krb5Acceptor} verifies a client's AP-REQ with the machine's own keys
 * ({@link org.bossa.auth.kerberos.ServiceKeys}, read from the keytab by {@link
 * org.bossa.auth.kerberos.KeytabServiceKeys}), refuses replays ({@link
 * org.bossa.auth.kerberos.ReplayCache}), and answers with the AP-REP of mutual authentication. It
 * hands the ticket's PAC to the caller unverified, with the service key that signs it.
 */
package org.bossa.auth.kerberos;
