package org.bossa.rpc.netlogon.ndr;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bossa.dtyp.Sid;

/**
 * What a DC answers about a successful logon: NETLOGON_VALIDATION_SAM_INFO (level 2),
 * NETLOGON_VALIDATION_SAM_INFO2 (level 3) or NETLOGON_VALIDATION_SAM_INFO4 (level 6), MS-NRPC
 * 2.2.1.4.11 to 2.2.1.4.13, flattened into one immutable record. Components missing at a level are
 * empty: no extra SIDs at level 2, no DNS domain or UPN below level 6. An absent (null) string is "".
 *
 * <p>Resource groups: a validation answer has no ResourceGroupDomainSid/ResourceGroupIds (those are in
 * the Kerberos PAC's KERB_VALIDATION_INFO only). A DC returns the user's domain-local groups of its
 * own domain as extra SIDs carrying {@link SidAndAttributes#SE_GROUP_RESOURCE} (Samba's NetrLogonSamLogon
 * server uses AUTH_INCLUDE_RESOURCE_GROUPS for levels 2, 3 and 6; level 2 drops all extra SIDs), so
 * {@link #resourceGroups()} selects them from {@link #extraSids()}.
 *
 * <p>Times are FILETIME values (100 ns since 1601) as the DC sent them; 0x7FFFFFFFFFFFFFFF means never.
 * The byte arrays are copied in and out, and {@link #toString()} never shows the keys.
 *
 * @param level              the validation level, 2, 3 or 6
 * @param effectiveName      EffectiveName: the account name
 * @param userId             UserId: the RID of the user in {@code logonDomainId}
 * @param primaryGroupId     PrimaryGroupId: a RID in {@code logonDomainId}
 * @param groupIds           GroupIds: groups of the logon domain by RID
 * @param userFlags          UserFlags, see the {@code USER_FLAG_} constants
 * @param userSessionKey     UserSessionKey, 16 bytes (sealed by the secure channel, in the clear here)
 * @param lmKey              LMKey, 8 bytes
 * @param userAccountControl UserAccountControl: USER_ACCOUNT_* flags (Samba acct_flags)
 * @param reserved4          Reserved4 (Samba: reserved)
 */
public record ValidationInfo(int level, long logonTime, long logoffTime, long kickOffTime, long passwordLastSet,
        long passwordCanChange, long passwordMustChange, String effectiveName, String fullName, String logonScript,
        String profilePath, String homeDirectory, String homeDirectoryDrive, int logonCount, int badPasswordCount,
        int userId, int primaryGroupId, List<GroupMembership> groupIds, int userFlags, byte[] userSessionKey,
        String logonServer, String logonDomainName, Sid logonDomainId, byte[] lmKey, int userAccountControl,
        int subAuthStatus, long lastSuccessfulILogon, long lastFailedILogon, int failedILogonCount,
        int reserved4, List<SidAndAttributes> extraSids, String dnsLogonDomainName, String userPrincipalName) {

    public static final int USER_FLAG_GUEST = 0x00000001;
    public static final int USER_FLAG_NOENCRYPTION = 0x00000002;
    public static final int USER_FLAG_CACHED_ACCOUNT = 0x00000004;
    public static final int USER_FLAG_USED_LM_PASSWORD = 0x00000008;
    public static final int USER_FLAG_EXTRA_SIDS = 0x00000020;
    public static final int USER_FLAG_SUBAUTH_SESSION_KEY = 0x00000040;
    public static final int USER_FLAG_SERVER_TRUST_ACCOUNT = 0x00000080;
    public static final int USER_FLAG_NTLMV2_ENABLED = 0x00000100;
    public static final int USER_FLAG_RESOURCE_GROUPS = 0x00000200;
    public static final int USER_FLAG_PROFILE_PATH_RETURNED = 0x00000400;
    public static final int USER_FLAG_GRACE_LOGON = 0x01000000;

    public static final int USER_SESSION_KEY_SIZE = 16;
    public static final int LM_KEY_SIZE = 8;

    public ValidationInfo {
        if (level != 2 && level != 3 && level != 6) {
            throw new IllegalArgumentException("validation level " + level);
        }
        if (logonDomainId == null) {
            throw new IllegalArgumentException("logon domain id is required");
        }
        if (logonDomainId.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("logon domain id has no room for a RID");
        }
        if (userSessionKey == null || userSessionKey.length != USER_SESSION_KEY_SIZE) {
            throw new IllegalArgumentException("user session key must be 16 bytes");
        }
        if (lmKey == null || lmKey.length != LM_KEY_SIZE) {
            throw new IllegalArgumentException("LM key must be 8 bytes");
        }
        effectiveName = orEmpty(effectiveName);
        fullName = orEmpty(fullName);
        logonScript = orEmpty(logonScript);
        profilePath = orEmpty(profilePath);
        homeDirectory = orEmpty(homeDirectory);
        homeDirectoryDrive = orEmpty(homeDirectoryDrive);
        logonServer = orEmpty(logonServer);
        logonDomainName = orEmpty(logonDomainName);
        dnsLogonDomainName = orEmpty(dnsLogonDomainName);
        userPrincipalName = orEmpty(userPrincipalName);
        groupIds = List.copyOf(groupIds);
        extraSids = List.copyOf(extraSids);
        userSessionKey = userSessionKey.clone();
        lmKey = lmKey.clone();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public byte[] userSessionKey() {
        return userSessionKey.clone();
    }

    @Override
    public byte[] lmKey() {
        return lmKey.clone();
    }

    /** The user's SID: LogonDomainId + UserId. */
    public Sid userSid() {
        return logonDomainId.withRid(Integer.toUnsignedLong(userId));
    }

    /** The primary group's SID: LogonDomainId + PrimaryGroupId. */
    public Sid primaryGroupSid() {
        return logonDomainId.withRid(Integer.toUnsignedLong(primaryGroupId));
    }

    /** The SIDs of {@link #groupIds()}: LogonDomainId + each RID, in order. */
    public List<Sid> groupSids() {
        return GroupMembership.sidsIn(logonDomainId, groupIds);
    }

    /** The extra SIDs flagged {@link SidAndAttributes#SE_GROUP_RESOURCE}: domain-local groups. */
    public List<SidAndAttributes> resourceGroups() {
        return extraSids.stream().filter(SidAndAttributes::isResourceGroup).toList();
    }

    public boolean isGuest() {
        return (userFlags & USER_FLAG_GUEST) != 0;
    }

    private List<Object> parts() {
        HexFormat hex = HexFormat.of();
        return Arrays.asList(level, logonTime, logoffTime, kickOffTime, passwordLastSet, passwordCanChange,
                passwordMustChange, effectiveName, fullName, logonScript, profilePath, homeDirectory,
                homeDirectoryDrive, logonCount, badPasswordCount, userId, primaryGroupId, groupIds, userFlags,
                hex.formatHex(userSessionKey), logonServer, logonDomainName, logonDomainId, hex.formatHex(lmKey),
                userAccountControl, subAuthStatus, lastSuccessfulILogon, lastFailedILogon, failedILogonCount,
                reserved4, extraSids, dnsLogonDomainName, userPrincipalName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidationInfo v && v.parts().equals(parts());
    }

    @Override
    public int hashCode() {
        return parts().hashCode();
    }

    /** Names, SIDs and flags; never the session keys. */
    @Override
    public String toString() {
        return "ValidationInfo[level=" + level + ", user=" + logonDomainName + "\\" + effectiveName + ", sid="
                + userSid() + ", primaryGroup=" + Integer.toUnsignedString(primaryGroupId) + ", groups="
                + groupIds.size() + ", extraSids=" + extraSids.size() + ", userFlags=0x"
                + Integer.toHexString(userFlags) + ", dnsDomain=" + dnsLogonDomainName + ", upn="
                + userPrincipalName + "]";
    }
}
