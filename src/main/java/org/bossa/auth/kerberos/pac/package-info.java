/**
 * The Privilege Attribute Certificate (MS-PAC) that an AD or Samba KDC puts into service tickets:
 * {@link org.bossa.auth.kerberos.pac.Pac#decode} reads it (bounds-checked, every failure a
 * {@link org.bossa.auth.kerberos.pac.PacException}), and
 * {@link org.bossa.auth.kerberos.pac.PacValidator#validate} verifies its server checksum with the
 * service key, binds it to the ticket (CLIENT_INFO against authtime and client name), cross-checks
 * the SIDs, and returns a {@link org.bossa.auth.kerberos.pac.ValidatedPac} holding the
 * {@link org.bossa.auth.DomainIdentity} that the SMB session will run as.
 *
 * <p>The caller finds the PAC in the decrypted EncTicketPart's authorization data (an AD-WIN2K-PAC,
 * type 128, inside AD-IF-RELEVANT) and passes the ticket's cname without realm and its authtime.
 */
package org.bossa.auth.kerberos.pac;
