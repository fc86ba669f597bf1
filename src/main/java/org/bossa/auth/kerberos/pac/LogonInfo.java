package org.bossa.auth.kerberos.pac;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.GroupMembership;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;
import org.bossa.text.LogSafe;

/**
 * KERB_VALIDATION_INFO (MS-PAC 2.5), the LOGON_INFO buffer: the same fields as Netlogon's
 * NETLOGON_VALIDATION_SAM_INFO2 (MS-NRPC 2.2.1.4.13; Reserved1 is its LMKey, Reserved3 its Reserved4)
 * plus the resource groups. GROUP_MEMBERSHIP and KERB_SID_AND_ATTRIBUTES have the layout of their
 * Netlogon twins, whose records are reused.
 *
 * <p>Times are FILETIME values as the KDC sent them (0x7FFFFFFFFFFFFFFF means never). An absent
 * (null) string is "". Extra SID entries whose SID pointer was null are dropped, as Samba does.
 *
 * @param userId                 the user's RID in {@code logonDomainId}
 * @param primaryGroupId         a RID in {@code logonDomainId}
 * @param groupIds               groups of the logon domain by RID
 * @param userFlags              UserFlags ({@link #USER_FLAG_EXTRA_SIDS}, {@link #USER_FLAG_RESOURCE_GROUPS}, ...)
 * @param userSessionKey         16 bytes; zero in a Kerberos PAC (MS-PAC 2.5)
 * @param reserved1              8 bytes
 * @param resourceGroupDomainSid ResourceGroupDomainSid, empty when the pointer was null
 * @param resourceGroupIds       ResourceGroupIds, RIDs in {@code resourceGroupDomainSid}
 */
public record LogonInfo(long logonTime, long logoffTime, long kickOffTime, long passwordLastSet,
        long passwordCanChange, long passwordMustChange, String effectiveName, String fullName, String logonScript,
        String profilePath, String homeDirectory, String homeDirectoryDrive, int logonCount, int badPasswordCount,
        int userId, int primaryGroupId, List<GroupMembership> groupIds, int userFlags, byte[] userSessionKey,
        String logonServer, String logonDomainName, Sid logonDomainId, byte[] reserved1, int userAccountControl,
        int subAuthStatus, long lastSuccessfulILogon, long lastFailedILogon, int failedILogonCount, int reserved3,
        List<SidAndAttributes> extraSids, Optional<Sid> resourceGroupDomainSid,
        List<GroupMembership> resourceGroupIds) {

    public static final int USER_FLAG_EXTRA_SIDS = 0x00000020;
    /** D: ResourceGroupDomainSid and ResourceGroupIds are meaningful (MS-PAC 2.5 UserFlags). */
    public static final int USER_FLAG_RESOURCE_GROUPS = 0x00000200;

    public static final int USER_SESSION_KEY_SIZE = 16;
    public static final int RESERVED1_SIZE = 8;

    public LogonInfo {
        Objects.requireNonNull(logonDomainId, "logonDomainId");
        Objects.requireNonNull(resourceGroupDomainSid, "resourceGroupDomainSid");
        if (logonDomainId.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("LogonDomainId has no room for a RID");
        }
        if (userSessionKey == null || userSessionKey.length != USER_SESSION_KEY_SIZE) {
            throw new IllegalArgumentException("UserSessionKey must be 16 bytes");
        }
        if (reserved1 == null || reserved1.length != RESERVED1_SIZE) {
            throw new IllegalArgumentException("Reserved1 must be 8 bytes");
        }
        if (resourceGroupsHonoured(userFlags, resourceGroupIds)) {
            Sid rg = resourceGroupDomainSid.orElseThrow(
                    () -> new IllegalArgumentException("resource groups without a ResourceGroupDomainSid"));
            if (rg.subAuthorityCount() >= Sid.MAX_SUB_AUTHORITIES) {
                throw new IllegalArgumentException("ResourceGroupDomainSid has no room for a RID");
            }
        }
        effectiveName = orEmpty(effectiveName);
        fullName = orEmpty(fullName);
        logonScript = orEmpty(logonScript);
        profilePath = orEmpty(profilePath);
        homeDirectory = orEmpty(homeDirectory);
        homeDirectoryDrive = orEmpty(homeDirectoryDrive);
        logonServer = orEmpty(logonServer);
        logonDomainName = orEmpty(logonDomainName);
        groupIds = List.copyOf(groupIds);
        extraSids = List.copyOf(extraSids);
        resourceGroupIds = List.copyOf(resourceGroupIds);
        userSessionKey = userSessionKey.clone();
        reserved1 = reserved1.clone();
    }

    /**
     * Whether the resource groups count: only with the D flag in UserFlags, as Samba reads them
     * ({@code make_user_info_dc_pac}, {@code merge_resource_sids}); without it they are ignored.
     */
    static boolean resourceGroupsHonoured(int userFlags, List<GroupMembership> resourceGroupIds) {
        return (userFlags & USER_FLAG_RESOURCE_GROUPS) != 0 && !resourceGroupIds.isEmpty();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public byte[] userSessionKey() {
        return userSessionKey.clone();
    }

    @Override
    public byte[] reserved1() {
        return reserved1.clone();
    }

    /** The user's SID: LogonDomainId + UserId. */
    public Sid userSid() {
        return logonDomainId.withRid(Integer.toUnsignedLong(userId));
    }

    /** The primary group's SID: LogonDomainId + PrimaryGroupId. */
    public Sid primaryGroupSid() {
        return logonDomainId.withRid(Integer.toUnsignedLong(primaryGroupId));
    }

    /** LogonDomainId + each GroupIds RID, in order. */
    public List<Sid> groupSids() {
        return GroupMembership.sidsIn(logonDomainId, groupIds);
    }

    /** ResourceGroupDomainSid + each ResourceGroupIds RID when the D flag is set, else nothing. */
    public List<Sid> resourceGroupSids() {
        if (!resourceGroupsHonoured(userFlags, resourceGroupIds)) {
            return List.of();
        }
        return GroupMembership.sidsIn(resourceGroupDomainSid.orElseThrow(), resourceGroupIds);
    }

    /** The names, ids and group counts; never the session key. */
    @Override
    public String toString() {
        return "LogonInfo[" + LogSafe.quote(logonDomainName + "\\" + effectiveName) + ", user " + userSid()
                + ", primary group " + primaryGroupSid() + ", " + groupIds.size() + " groups, " + extraSids.size()
                + " extra SIDs, " + resourceGroupIds.size() + " resource groups, flags 0x" + Integer.toHexString(userFlags) + "]";
    }
}
