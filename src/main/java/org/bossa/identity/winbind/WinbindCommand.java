package org.bossa.identity.winbind;

/**
 * The commands of winbindd's socket protocol, numbered as in Samba 4.17's
 * {@code enum winbindd_cmd} (nsswitch/winbind_struct_protocol.h, interface version 32): the number
 * is the position in that enum, so the order here must never change.
 */
public enum WinbindCommand {
    INTERFACE_VERSION, GETPWNAM, GETPWUID, GETPWSID, GETGRNAM, GETGRGID, GETGROUPS,
    SETPWENT, ENDPWENT, GETPWENT, SETGRENT, ENDGRENT, GETGRENT,
    PAM_AUTH, PAM_AUTH_CRAP, PAM_CHAUTHTOK, PAM_LOGOFF, PAM_CHNG_PSWD_AUTH_CRAP,
    LIST_USERS, LIST_GROUPS, LIST_TRUSTDOM,
    LOOKUPSID, LOOKUPNAME, LOOKUPRIDS, LOOKUPSIDS,
    SIDS_TO_XIDS, XIDS_TO_SIDS, ALLOCATE_UID, ALLOCATE_GID,
    CHECK_MACHACC, CHANGE_MACHACC, PING_DC, PING, INFO, DOMAIN_NAME,
    DOMAIN_INFO, GETDCNAME, DSGETDCNAME, DC_INFO, SHOW_SEQUENCE,
    WINS_BYIP, WINS_BYNAME, GETGRLST, NETBIOS_NAME, PRIV_PIPE_DIR,
    GETUSERSIDS, GETUSERDOMGROUPS, GETSIDALIASES,
    DUAL_SID2UID, DUAL_SID2GID, DUAL_SIDS2XIDS, DUAL_UID2SID, DUAL_GID2SID,
    DUAL_USERINFO, DUAL_GETSIDALIASES, DUAL_NDRCMD, CCACHE_NTLMAUTH, CCACHE_SAVE;

    private static final WinbindCommand[] BY_CODE = values();

    /** The value on the wire. */
    public int code() {
        return ordinal();
    }

    /** The command numbered {@code code}, or null for a number 4.17 does not define. */
    public static WinbindCommand of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
