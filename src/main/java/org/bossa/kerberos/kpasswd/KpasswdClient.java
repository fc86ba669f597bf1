package org.bossa.kerberos.kpasswd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.bossa.kerberos.ApRequests;
import org.bossa.kerberos.KdcAddress;
import org.bossa.kerberos.KdcConfig;
import org.bossa.kerberos.KdcTransport;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KerberosFailure;
import org.bossa.kerberos.KerberosName;
import org.bossa.kerberos.ServiceTicket;

/**
 * The Kerberos change/set password client (RFC 3244, MS-KILE 3.1.5.12) over TCP to port 464. Both
 * operations send version 0xFF80 with a ChangePasswdData: without a target it changes the password
 * of the ticket's client (the ticket must be an initial one for kadmin/changepw, from
 * {@link org.bossa.kerberos.KdcClient#asExchangeForService}); with a target it sets that
 * principal's password (any kadmin/changepw ticket of a principal allowed to reset it).
 */
public final class KpasswdClient {
    private final List<KdcAddress> servers;
    private final Duration timeout;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public KpasswdClient(List<KdcAddress> servers, Duration timeout, Clock clock) {
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.clock = clock;
        if (this.servers.isEmpty()) {
            throw new IllegalArgumentException("no kpasswd server");
        }
    }

    /** The kpasswd service on each of the realm's KDCs (port 464), with the KDC timeout. */
    public static KpasswdClient forRealm(KdcConfig config, Clock clock) {
        return new KpasswdClient(config.kdcs().stream().map(k -> k.withPort(KdcAddress.KPASSWD_PORT)).toList(),
                config.timeout(), clock);
    }

    /** Changes the password of the ticket's client to {@code newPassword}. */
    public void changePassword(ServiceTicket initialTicket, char[] newPassword) throws KerberosException, KpasswdException {
        exchange(initialTicket, null, newPassword, "password change for " + initialTicket.client());
    }

    /** Sets the password of {@code targetPrincipal} ({@code NAME$} or {@code name@REALM}) to {@code newPassword}. */
    public void setPassword(ServiceTicket ticket, String targetPrincipal, char[] newPassword)
            throws KerberosException, KpasswdException {
        KerberosName target = KerberosName.parse(targetPrincipal, ticket.client().realm());
        exchange(ticket, target, newPassword, "password set for " + target);
    }

    private void exchange(ServiceTicket ticket, KerberosName target, char[] newPassword, String what)
            throws KerberosException, KpasswdException {
        byte[] pw = utf8(newPassword);
        KpasswdRequest request;
        try {
            request = new KpasswdRequest(ticket, new ChangePasswdData(pw, target), subkey(ticket),
                    random.nextInt() & 0x3FFFFFFF);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        try {
            send(request, what);
        } finally {
            request.destroy();
        }
    }

    private void send(KpasswdRequest request, String what) throws KerberosException, KpasswdException {
        List<String> failures = new ArrayList<>();
        for (KdcAddress server : servers) {
            byte[] reply;
            try {
                reply = KdcTransport.tcpExchange(server, local -> request.encode(clock.instant(), local), timeout);
            } catch (IOException e) {
                failures.add(server + " (" + KdcTransport.describe(e) + ")");
                continue;
            }
            KpasswdResult result = request.readReply(reply, server, clock.instant());
            if (result.code() != KpasswdResultCode.SUCCESS) {
                throw new KpasswdException(result, what);
            }
            return;
        }
        throw new KerberosException(KerberosFailure.KDC_UNREACHABLE, "no kpasswd server answered: "
                + String.join(", ", failures) + " within " + timeout.toMillis() + " ms");
    }

    /** A fresh random subkey of the session key's type (RFC 3244: the KRB-PRIV is sealed with it). */
    private EncryptionKey subkey(ServiceTicket ticket) throws KerberosException {
        try {
            int size = EncryptionHandler.getEncHandler(ticket.sessionKeyType()).keySize();
            byte[] k = new byte[size];
            random.nextBytes(k);
            return new EncryptionKey(ticket.sessionKeyType(), k);
        } catch (KrbException e) {
            throw new KerberosException(KerberosFailure.ETYPE_NOT_SUPPORTED, "no subkey for "
                    + ticket.sessionKeyType().getName(), e);
        }
    }

    private static byte[] utf8(char[] password) throws KerberosException {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            Arrays.fill(b.array(), (byte) 0);
            return out;
        } catch (CharacterCodingException e) {
            throw new KerberosException(KerberosFailure.PROTOCOL_ERROR, "the new password is not valid Unicode");
        }
    }
}
