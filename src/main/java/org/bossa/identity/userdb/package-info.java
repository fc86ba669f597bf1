/**
 * systemd's userdb varlink service ({@code io.systemd.UserDatabase} on a socket in
 * /run/systemd/userdb/), answered from {@link org.bossa.identity.IdentityService}: the
 * counterpart of Samba 4.23's {@code winbind varlink service}. Holds a minimal varlink server
 * (NUL-framed JSON over a Unix socket) and the small JSON reader/writer it needs, since no JSON
 * library is on the compile classpath. No Spring here.
 */
package org.bossa.identity.userdb;
