package org.bossa.identity;

import java.util.EnumSet;
import java.util.Objects;
import org.bossa.auth.Mechanism;
import org.bossa.auth.StepResult;
import org.bossa.auth.ntlm.NtlmAuthenticateMessage;
import org.bossa.auth.ntlm.NtlmFlags;
import org.bossa.auth.ntlm.NtlmVerification;
import org.bossa.auth.ntlm.NtlmVerifier;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.ServiceTicket;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.GssException;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.smb2.wire.NtStatus;

/**
 * Host logons checked the way a hardened member checks them.
 *
 * <p>A password becomes an AS exchange for a service ticket to this member itself, which is then
 * presented to the member's own Kerberos acceptor: the keytab proves the ticket came from the real
 * KDC (so a spoofed KDC answer cannot log anyone on, pam_krb5's "validate"), and the ticket's PAC
 * gives the user's SID and groups. A challenge-response goes to the DC through Netlogon.
 */
public final class DomainLogonCheck implements LogonCheck {

    /** The AS exchange with the domain's KDC: a ticket for {@code principal} to this member. */
    @FunctionalInterface
    public interface TicketSource {
        ServiceTicket ticket(String principal, char[] password) throws KerberosException;
    }

    private final TicketSource tickets;
    private final Mechanism kerberos;
    private final NtlmVerifier ntlm;
    private final String realm;

    /**
     * @param kerberos the member's Kerberos mechanism (its keytab acceptor and PAC checks)
     * @param ntlm the Netlogon pass-through verifier
     */
    public DomainLogonCheck(TicketSource tickets, Mechanism kerberos, NtlmVerifier ntlm, String realm) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.kerberos = Objects.requireNonNull(kerberos, "kerberos");
        this.ntlm = Objects.requireNonNull(ntlm, "ntlm");
        this.realm = Objects.requireNonNull(realm, "realm");
    }

    @Override
    public Outcome password(String account, char[] password) {
        ServiceTicket ticket;
        try {
            ticket = tickets.ticket(account + "@" + realm, password);
        } catch (KerberosException e) {
            return new Refused(switch (e.failure()) {
                case WRONG_PASSWORD -> NtStatus.WRONG_PASSWORD;
                case CLIENT_UNKNOWN -> NtStatus.NO_SUCH_USER;
                case CLIENT_REVOKED -> NtStatus.ACCOUNT_DISABLED;
                case PASSWORD_EXPIRED -> NtStatus.PASSWORD_EXPIRED;
                case KDC_UNREACHABLE -> NtStatus.NO_LOGON_SERVERS;
                default -> NtStatus.LOGON_FAILURE;
            }, "the KDC refused: " + e.failure().summary());
        }
        try {
            Krb5InitiatorContext krb = new Krb5InitiatorContext(InitiatorTicket.of(ticket), EnumSet.of(ContextFlag.MUTUAL),
                    null);
            StepResult r = kerberos.newContext().step(krb.initialToken());
            if (r.outcome() != StepResult.Outcome.DONE || r.user().identity().isEmpty()) {
                return new Refused(NtStatus.LOGON_FAILURE, "the KDC's ticket did not check out: " + r.reason());
            }
            return new Verified(r.user().identity().get());
        } catch (GssException e) {
            return new Refused(NtStatus.LOGON_FAILURE, "cannot present the ticket: " + e.getMessage());
        }
    }

    @Override
    public Outcome challengeResponse(String domain, String account, String workstation, byte[] challenge, byte[] lm,
            byte[] nt) {
        if (challenge == null || challenge.length != 8 || nt == null || nt.length <= 24) {
            // empty or 24-byte responses are LM/NTLMv1, which Bossa never passes on
            return new Refused(NtStatus.LOGON_FAILURE, "only NTLMv2 responses are accepted");
        }
        NtlmAuthenticateMessage auth = new NtlmAuthenticateMessage(NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_UNICODE,
                lm == null ? new byte[0] : lm, nt, domain, account, workstation, new byte[0], null, null);
        NtlmVerification v = ntlm.verify(auth, challenge, nt);
        if (v == null || !v.succeeded() || v.user().identity().isEmpty()) {
            return new Refused(v == null ? NtStatus.LOGON_FAILURE : v.status(), "the DC refused the response");
        }
        return new Verified(v.user().identity().get());
    }
}
