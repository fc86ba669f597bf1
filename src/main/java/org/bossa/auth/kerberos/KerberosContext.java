package org.bossa.auth.kerberos;

import java.util.Objects;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.MechanismContext;
import org.bossa.auth.StepResult;
import org.bossa.auth.kerberos.pac.PacException;
import org.bossa.auth.kerberos.pac.PacValidator;
import org.bossa.auth.kerberos.pac.ValidatedPac;
import org.bossa.kerberos.gss.ContextFlag;
import org.bossa.kerberos.gss.GssException;
import org.bossa.kerberos.gss.Krb5MessageProtection;
import org.bossa.smb2.wire.NtStatus;

/**
 * One Kerberos logon: a single round (the AP-REQ in, the AP-REP out), then the PAC.
 *
 * <p>Who the user is comes from the PAC alone, never from the ticket's client name: the name and
 * SID are LOGON_INFO's, after the PAC's server signature has been verified with our own key and its
 * CLIENT_INFO, REQUESTOR and UPN_DNS_INFO found to agree with the ticket (CVE-2020-25717: a client
 * name that merely looks like a domain user's must not become that user). A ticket without a PAC
 * names nobody a hardened member may trust, so it is refused.
 *
 * <p>States: NEW -> DONE or FAILED, in one step; a second token is an error.
 */
final class KerberosContext implements MechanismContext {
    private enum State { NEW, DONE, FAILED }

    private final Krb5Acceptor acceptor;
    private State state = State.NEW;
    private AcceptResult.Accepted accepted;

    KerberosContext(Krb5Acceptor acceptor) {
        this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
    }

    @Override
    public String mechanismName() {
        return "kerberos";
    }

    @Override
    public StepResult step(byte[] inputToken) {
        if (state != State.NEW) {
            return fail(NtStatus.INVALID_PARAMETER, "", "a Kerberos token after the exchange ended");
        }
        AcceptResult result = acceptor.accept(inputToken);
        if (result instanceof AcceptResult.Rejected r) {
            return fail(NtStatus.LOGON_FAILURE, "", r.reason());
        }
        AcceptResult.Accepted a = (AcceptResult.Accepted) result;
        String client = a.client().toString();
        Optional<byte[]> pac = a.pac();
        if (pac.isEmpty()) {
            return fail(NtStatus.LOGON_FAILURE, client, "ticket of " + client + " for " + a.server() + " carries no PAC");
        }
        ValidatedPac validated;
        try {
            validated = PacValidator.validate(pac.get(), a.serviceKey(), a.client().nameWithoutRealm(), a.authTime(),
                    acceptor.policy().allowRc4());
        } catch (PacException e) {
            return fail(NtStatus.LOGON_FAILURE, client, "PAC of " + client + " refused: " + e.getMessage());
        }
        accepted = a;
        state = State.DONE;
        return StepResult.done(a.outputToken(), AuthenticatedUser.domainUser(validated.identity(), a.endTime()),
                a.sessionKey());
    }

    /**
     * MIC tokens need the RFC 4121 keys; RC4's RFC 4757 tokens are not implemented, so an RC4 logon
     * has no integrity here (and no mechListMIC exchange).
     */
    @Override
    public boolean integrityAvailable() {
        return state == State.DONE && accepted.protection().isPresent();
    }

    /**
     * With AES keys, for a client that asked for integrity, the mechListMIC exchange is always due
     * (Samba's GENSEC_FEATURE_NEW_SPNEGO for krb5: every session key but DES, RC4 and 3DES, once
     * GSS_C_INTEG_FLAG is set), so a stripped or reordered mechanism list is caught.
     */
    @Override
    public boolean mechListMicExpected() {
        return integrityAvailable() && accepted.flags().contains(ContextFlag.INTEGRITY)
                && accepted.sessionKeyType() != EncryptionType.ARCFOUR_HMAC.getValue();
    }

    @Override
    public byte[] mechListMic(byte[] mechTypesDer) {
        try {
            return protection().getMic(mechTypesDer);
        } catch (GssException e) {
            throw new IllegalStateException("cannot make the mechListMIC", e);
        }
    }

    @Override
    public boolean verifyMechListMic(byte[] mechTypesDer, byte[] mic) {
        try {
            protection().verifyMic(mechTypesDer, mic);
            return true;
        } catch (GssException e) {
            return false;
        }
    }

    private Krb5MessageProtection protection() {
        if (!integrityAvailable()) {
            throw new IllegalStateException("no Kerberos integrity keys");
        }
        return accepted.protection().orElseThrow();
    }

    private StepResult fail(NtStatus status, String claimant, String reason) {
        state = State.FAILED;
        accepted = null;
        return StepResult.failed(status, claimant, reason);
    }
}
