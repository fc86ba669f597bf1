package org.bossa.auth.ntlm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bossa.auth.AuthenticatedUser;
import org.bossa.auth.DomainIdentity;
import org.bossa.domain.NetlogonChannels;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.NetlogonException;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.NetworkLogon;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;
import org.bossa.rpc.netlogon.ndr.ValidationInfo;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain accounts' NTLMv2 logons, verified by the DC (MS-NRPC 3.5.4.5.1, NetrLogonSamLogonEx): the client's response
 * and our server challenge go to NetrLogonSamLogonEx (NetworkInformation, validation level 6) over
 * the sealed secure channel; the answer gives the identity (user, primary group, groups, extra SIDs
 * including resource groups) and the user session key SMB signing and encryption derive from. The
 * DC's refusal reaches the client as the DC said it (ACCOUNT_DISABLED, PASSWORD_EXPIRED ...), a
 * wrong password as LOGON_FAILURE, and no reachable DC as NO_LOGON_SERVERS.
 *
 * <p>A validation the DC marks LOGON_GUEST (it mapped an unknown or failed user to its Guest
 * account) is refused with LOGON_FAILURE unless guest access is configured: otherwise anyone with
 * a wrong password would be let in with the Guest account's rights, which Windows since 1709 also
 * refuses by default (AllowInsecureGuestAuth).
 */
public final class NetlogonNtlmVerifier implements NtlmVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(NetlogonNtlmVerifier.class);
    private static final int STATUS_WRONG_PASSWORD = 0xC000006A;
    private static final List<NtStatus> PASSED_THROUGH = List.of(NtStatus.LOGON_FAILURE, NtStatus.ACCOUNT_DISABLED,
            NtStatus.ACCOUNT_LOCKED_OUT, NtStatus.PASSWORD_EXPIRED, NtStatus.PASSWORD_MUST_CHANGE,
            NtStatus.ACCOUNT_RESTRICTION, NtStatus.INVALID_LOGON_HOURS, NtStatus.INVALID_WORKSTATION,
            NtStatus.NO_LOGON_SERVERS);
    private final NetlogonChannels channels;
    private final boolean allowGuest;

    /** A verifier that refuses guest validations. */
    public NetlogonNtlmVerifier(NetlogonChannels channels) {
        this(channels, false);
    }

    /** @param allowGuest whether a validation the DC marks LOGON_GUEST is accepted ({@code bossa.smb.allow-guest}) */
    public NetlogonNtlmVerifier(NetlogonChannels channels, boolean allowGuest) {
        this.channels = Objects.requireNonNull(channels);
        this.allowGuest = allowGuest;
    }

    @Override
    public NtlmVerification verify(NtlmAuthenticateMessage auth, byte[] serverChallenge, byte[] ntlmv2Response) {
        // without guest access, the DC is asked not to fall back to its Guest account at all
        int parameterControl = NetworkLogon.MSV1_0_ALLOW_SERVER_TRUST_ACCOUNT
                | NetworkLogon.MSV1_0_ALLOW_WORKSTATION_TRUST_ACCOUNT
                | (allowGuest ? 0 : NetworkLogon.MSV1_0_DONT_TRY_GUEST_ACCOUNT);
        NetworkLogon logon = new NetworkLogon(auth.domainName(), parameterControl, 0,
                auth.userName(), auth.workstation(), serverChallenge, ntlmv2Response,
                auth.lmChallengeResponse());
        LogonSamLogonEx.Response r;
        try {
            r = channels.logon(logon);
        } catch (NetlogonException e) {
            if (!e.breaksChannel()) {
                // the DC faulted this call (its input, not the channel): a failed logon, not a missing server
                LOG.info("logon of {} failed at the DC: {}", who(auth), e.getMessage());
                return NtlmVerification.failure(NtStatus.LOGON_FAILURE);
            }
            LOG.warn("logon of {}: no logon server: {}", who(auth), e.getMessage());
            return NtlmVerification.failure(NtStatus.NO_LOGON_SERVERS);
        }
        return decide(auth, r);
    }

    /** The DC's answer as the client's result: its refusal, a refused guest, or the identity. */
    NtlmVerification decide(NtlmAuthenticateMessage auth, LogonSamLogonEx.Response r) {
        if (r.status() != 0 || r.validation().isEmpty()) {
            NtStatus status = clientStatus(r.status());
            LOG.info("logon of {} refused by the DC: 0x{} -> {}", who(auth), Integer.toHexString(r.status()),
                    status.ntName());
            return NtlmVerification.failure(status);
        }
        ValidationInfo v = r.validation().get();
        if (v.isGuest() && !allowGuest) {
            LOG.info("logon of {} refused: the DC validated it as a guest ({}) and bossa.smb.allow-guest is off",
                    who(auth), LogSafe.quote(v.logonDomainName() + "\\" + v.effectiveName()));
            return NtlmVerification.failure(NtStatus.LOGON_FAILURE);
        }
        byte[] key = v.userSessionKey();
        List<Sid> groups = new ArrayList<>();
        groups.add(v.primaryGroupSid());
        groups.addAll(v.groupSids());
        for (SidAndAttributes extra : v.extraSids()) {
            groups.add(extra.sid());
        }
        DomainIdentity identity = new DomainIdentity(v.effectiveName(), v.logonDomainName(),
                v.dnsLogonDomainName() == null ? "" : v.dnsLogonDomainName(), v.userSid(), v.primaryGroupSid(), groups);
        return NtlmVerification.success(AuthenticatedUser.domainUser(identity), key);
    }

    private static String who(NtlmAuthenticateMessage auth) {
        return LogSafe.quote(auth.domainName() + "\\" + auth.userName()) + " from workstation "
                + LogSafe.quote(auth.workstation());
    }

    /** The status for the client: the DC's own where it names the cause, LOGON_FAILURE otherwise. */
    static NtStatus clientStatus(int dcStatus) {
        if (dcStatus == STATUS_WRONG_PASSWORD) {
            return NtStatus.LOGON_FAILURE;
        }
        return NtStatus.fromCode(dcStatus).filter(PASSED_THROUGH::contains).orElse(NtStatus.LOGON_FAILURE);
    }
}
