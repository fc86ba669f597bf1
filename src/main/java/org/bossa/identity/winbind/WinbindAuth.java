package org.bossa.identity.winbind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.identity.AuthResult;
import org.bossa.identity.IdentityService;
import org.bossa.identity.IdentityUnavailableException;
import org.bossa.identity.PosixUser;
import org.bossa.identity.Principal;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PAM commands (PAM_AUTH, PAM_AUTH_CRAP, PAM_CHAUTHTOK): decodes them, asks the
 * {@link IdentityService}, and answers in {@code struct auth_reply} (NT status, its name, an error
 * string and the PAM error pam_winbind returns). A service that cannot check passwords answers
 * NT_STATUS_NOT_SUPPORTED. Passwords are read as char arrays, wiped after use, and never logged.
 */
final class WinbindAuth {
    private static final Logger LOG = LoggerFactory.getLogger(WinbindAuth.class);
    /** WBFLAG_PAM_UNIX_NAME: the client wants the Unix name of the user back. */
    static final int WBFLAG_PAM_UNIX_NAME = 0x80;
    /** SE_GROUP_MANDATORY | SE_GROUP_ENABLED_BY_DEFAULT | SE_GROUP_ENABLED. */
    private static final int SE_GROUP_DEFAULT = 0x7;
    /** Linux-PAM return codes (security/_pam_types.h). */
    static final int PAM_SUCCESS = 0;
    static final int PAM_SYSTEM_ERR = 4;
    static final int PAM_PERM_DENIED = 6;
    static final int PAM_AUTH_ERR = 7;
    static final int PAM_AUTHINFO_UNAVAIL = 9;
    static final int PAM_USER_UNKNOWN = 10;
    static final int PAM_AUTHTOK_ERR = 20;

    private final IdentityService ids;

    WinbindAuth(IdentityService ids) {
        this.ids = ids;
    }

    WinbindResponse pamAuth(WinbindRequest req) throws WinbindFormatException {
        String user = req.dataString(WinbindRequest.D_AUTH_USER, WinbindRequest.FSTRING);
        String require = req.dataString(WinbindRequest.D_AUTH_REQUIRE_SID, WinbindRequest.D_AUTH_REQUIRE_SID_SIZE);
        char[] password = req.dataSecret(WinbindRequest.D_AUTH_PASS, WinbindRequest.FSTRING);
        AuthResult r;
        try {
            r = ids.authenticate(user, password);
        } catch (UnsupportedOperationException e) {
            r = notSupported(e);
        } catch (IdentityUnavailableException e) {
            r = new AuthResult(NtStatus.NO_LOGON_SERVERS, e.getMessage(), Optional.empty());
        } finally {
            Arrays.fill(password, '\0');
        }
        return reply(enforceMembership(r, require), req.flags(), user);
    }

    WinbindResponse pamAuthCrap(WinbindRequest req) throws WinbindFormatException {
        byte[] challenge = req.dataBytes(WinbindRequest.D_CRAP_CHAL, 8);
        String user = req.dataString(WinbindRequest.D_CRAP_USER, WinbindRequest.FSTRING);
        String domain = req.dataString(WinbindRequest.D_CRAP_DOMAIN, WinbindRequest.FSTRING);
        String workstation = req.dataString(WinbindRequest.D_CRAP_WORKSTATION, WinbindRequest.FSTRING);
        long lmLen = req.dataU32(WinbindRequest.D_CRAP_LM_RESP_LEN);
        long ntLen = req.dataU32(WinbindRequest.D_CRAP_NT_RESP_LEN);
        if (lmLen > WinbindRequest.FSTRING) {
            throw new WinbindFormatException("lm_resp_len " + lmLen + " exceeds its buffer");
        }
        byte[] lm = req.dataBytes(WinbindRequest.D_CRAP_LM_RESP, (int) lmLen);
        byte[] nt;
        if ((req.flags() & WinbindRequest.WBFLAG_BIG_NTLMV2_BLOB) != 0) {
            nt = req.extra(); // an NTLMv2 response longer than the struct's buffer travels as extra data
        } else {
            if (ntLen > WinbindRequest.FSTRING) {
                throw new WinbindFormatException("nt_resp_len " + ntLen + " exceeds its buffer");
            }
            nt = req.dataBytes(WinbindRequest.D_CRAP_NT_RESP, (int) ntLen);
        }
        AuthResult r;
        try {
            r = ids.authenticateNtlm(domain, user, workstation, challenge, lm, nt);
        } catch (UnsupportedOperationException e) {
            r = notSupported(e);
        } catch (IdentityUnavailableException e) {
            r = new AuthResult(NtStatus.NO_LOGON_SERVERS, e.getMessage(), Optional.empty());
        } finally {
            Arrays.fill(lm, (byte) 0);
            Arrays.fill(nt, (byte) 0);
        }
        String require = req.dataString(WinbindRequest.D_CRAP_REQUIRE_SID, WinbindRequest.FSTRING);
        return reply(enforceMembership(r, require), req.flags(), domain.isEmpty() ? user : domain + "\\" + user);
    }

    WinbindResponse changePassword(WinbindRequest req) throws WinbindFormatException {
        String user = req.dataString(WinbindRequest.D_CHAUTHTOK_USER, WinbindRequest.FSTRING);
        char[] oldPassword = req.dataSecret(WinbindRequest.D_CHAUTHTOK_OLD, WinbindRequest.FSTRING);
        char[] newPassword = req.dataSecret(WinbindRequest.D_CHAUTHTOK_NEW, WinbindRequest.FSTRING);
        AuthResult r;
        try {
            r = ids.changePassword(user, oldPassword, newPassword);
        } catch (UnsupportedOperationException e) {
            r = notSupported(e);
        } catch (IdentityUnavailableException e) {
            r = new AuthResult(NtStatus.NO_LOGON_SERVERS, e.getMessage(), Optional.empty());
        } finally {
            Arrays.fill(oldPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
        return reply(r, 0, user);
    }

    private static AuthResult notSupported(UnsupportedOperationException e) {
        return new AuthResult(NtStatus.NOT_SUPPORTED, "Bossa: " + e.getMessage(), Optional.empty());
    }

    /**
     * pam_winbind's require_membership_of: a comma-separated list of SIDs or names; the user (or one of
     * its groups) must be one of them, otherwise the logon fails as winbindd fails it (LOGON_FAILURE).
     * A list entry that does not resolve grants nothing.
     */
    private AuthResult enforceMembership(AuthResult r, String require) {
        if (r.status() != NtStatus.SUCCESS || require.isBlank() || r.user().isEmpty()) {
            return r;
        }
        PosixUser u = r.user().get();
        try {
            Set<Sid> have = new HashSet<>(ids.groupSidsOf(u.sid()));
            have.add(u.sid());
            for (Sid wanted : resolve(require)) {
                if (have.contains(wanted)) {
                    return r;
                }
            }
        } catch (IdentityUnavailableException e) {
            return new AuthResult(NtStatus.NO_LOGON_SERVERS, "group membership unavailable: " + e.getMessage(),
                    Optional.empty());
        }
        LOG.info("logon of {} refused: not a member of the required groups", LogSafe.quote(u.name()));
        return new AuthResult(NtStatus.LOGON_FAILURE, "not a member of the required groups", Optional.empty());
    }

    private List<Sid> resolve(String require) throws IdentityUnavailableException {
        List<Sid> out = new ArrayList<>();
        for (String entry : require.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (e.regionMatches(true, 0, "S-", 0, 2)) {
                try {
                    out.add(Sid.parse(e));
                    continue;
                } catch (DtypFormatException notASid) {
                    // fall through: a name that happens to start with "S-"
                }
            }
            ids.lookupName(e).map(Principal::sid).ifPresent(out::add);
        }
        return out;
    }

    private WinbindResponse reply(AuthResult r, int flags, String user) {
        boolean ok = r.status() == NtStatus.SUCCESS;
        WinbindResponse resp = ok ? WinbindResponse.ok() : WinbindResponse.error();
        resp.putU32(WinbindResponse.D_AUTH_NT_STATUS, Integer.toUnsignedLong(r.status().code()))
                // Samba's nt_errstr() and friendly message for success, which ntlm_auth and wbinfo print
                .putString(WinbindResponse.D_AUTH_NT_STATUS_STRING, WinbindRequest.FSTRING, ok ? "NT_STATUS_OK"
                        : r.status().ntName())
                .putString(WinbindResponse.D_AUTH_ERROR_STRING, WinbindRequest.FSTRING, ok ? "Success" : r.message())
                .putU32(WinbindResponse.D_AUTH_PAM_ERROR, pamError(r.status()))
                .putByte(WinbindResponse.D_AUTH_AUTHORITATIVE, 1);
        if (ok) {
            String unixName = r.user().map(PosixUser::name).orElse(user);
            resp.putString(WinbindResponse.D_AUTH_INFO3_USER_NAME, WinbindRequest.FSTRING, unixName);
            if ((flags & WBFLAG_PAM_UNIX_NAME) != 0) {
                resp.putString(WinbindResponse.D_AUTH_UNIX_USERNAME, WinbindRequest.FSTRING, unixName);
            }
            r.user().ifPresent(u -> info3(resp, u));
        } else {
            LOG.info("authentication of {} failed: {}", LogSafe.quote(user), r.status().ntName());
        }
        return resp;
    }

    /**
     * The user's info3 as text (WBFLAG_PAM_INFO3_TEXT), which libwbclient's wbcLogonUser (pam_winbind)
     * requires: domain SID, user and primary group RIDs, then in the extra data one
     * "0xRID:0xATTRS" line per domain group and one "SID:0xATTRS" line per other SID. Without the
     * extra data libwbclient calls the answer invalid and pam_winbind refuses the logon.
     */
    private void info3(WinbindResponse resp, PosixUser u) {
        Sid domain = ids.domain().domainSid();
        List<Sid> groups;
        try {
            groups = ids.groupSidsOf(u.sid());
        } catch (IdentityUnavailableException e) {
            groups = List.of();
        }
        StringBuilder domainGroups = new StringBuilder();
        StringBuilder others = new StringBuilder();
        int numGroups = 0;
        int numOthers = 0;
        for (Sid g : groups) {
            if (g.subAuthorityCount() > 1 && g.domain().equals(domain)) {
                domainGroups.append(String.format("0x%08X:0x%08X\n", g.rid(), SE_GROUP_DEFAULT));
                numGroups++;
            } else {
                others.append(g).append(String.format(":0x%08X\n", SE_GROUP_DEFAULT));
                numOthers++;
            }
        }
        long primaryRid = groups.isEmpty() || groups.getFirst().subAuthorityCount() < 2 ? 513 : groups.getFirst().rid();
        resp.putString(WinbindResponse.D_AUTH_INFO3_DOM_SID, WinbindRequest.FSTRING, domain.toString())
                .putU32(WinbindResponse.D_AUTH_INFO3_USER_RID, u.sid().rid())
                .putU32(WinbindResponse.D_AUTH_INFO3_GROUP_RID, primaryRid)
                .putU32(WinbindResponse.D_AUTH_INFO3_NUM_GROUPS, numGroups)
                .putU32(WinbindResponse.D_AUTH_INFO3_NUM_OTHER_SIDS, numOthers)
                .putString(WinbindResponse.D_AUTH_INFO3_FULL_NAME, WinbindRequest.FSTRING, u.gecos())
                .putString(WinbindResponse.D_AUTH_INFO3_LOGON_DOM, WinbindRequest.FSTRING, ids.domain().netbiosDomain())
                .appendExtra(domainGroups.append(others).append('\0').toString());
    }

    static int pamError(NtStatus s) {
        return switch (s) {
            case SUCCESS -> PAM_SUCCESS;
            case LOGON_FAILURE, WRONG_PASSWORD -> PAM_AUTH_ERR;
            case NO_SUCH_USER -> PAM_USER_UNKNOWN;
            case NO_LOGON_SERVERS -> PAM_AUTHINFO_UNAVAIL;
            case ACCESS_DENIED -> PAM_PERM_DENIED;
            default -> PAM_SYSTEM_ERR;
        };
    }
}
