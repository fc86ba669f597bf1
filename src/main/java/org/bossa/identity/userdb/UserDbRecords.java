package org.bossa.identity.userdb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bossa.identity.PosixGroup;
import org.bossa.identity.PosixUser;

/**
 * The JSON user and group records (systemd's USER_RECORD and GROUP_RECORD formats) for a domain
 * user or group, in the "regular" section only: Bossa has no privileged or per-machine fields to
 * add, so replies always say {@code "incomplete":false}.
 *
 * <p>Names are written as the {@link org.bossa.identity.IdentityService} gives them ("DOMAIN\name"
 * with winbind's separator) except where a lookup by name echoes the caller's spelling; see
 * {@link UserDbMethods}. As Samba 4.23 documents for its own varlink service, systemd before 253
 * refuses {@code \} in user and group names, so on such hosts the separator should be set to
 * {@code +}. Debian 12's systemd 252 accepts it (verified by {@code UserDbctlIT}).
 */
public final class UserDbRecords {
    private UserDbRecords() {
    }

    /**
     * @param userName the name to put in the record (the user's own, or the one the caller asked for)
     * @param service this service's name, recorded in {@code "service"} as systemd's own providers do
     */
    public static Map<String, Object> user(PosixUser u, String userName, String service) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userName", userName);
        r.put("uid", u.uid());
        r.put("gid", u.gid());
        if (!u.gecos().isEmpty()) {
            r.put("realName", u.gecos());
        }
        if (!u.home().isEmpty()) {
            r.put("homeDirectory", u.home());
        }
        if (!u.shell().isEmpty()) {
            r.put("shell", u.shell());
        }
        r.put("disposition", "regular");
        r.put("service", service);
        return r;
    }

    /** A group record; {@code members} only when the group has any (an empty array carries nothing). */
    public static Map<String, Object> group(PosixGroup g, String groupName, String service) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("groupName", groupName);
        r.put("gid", g.gid());
        if (!g.members().isEmpty()) {
            r.put("members", g.members());
        }
        r.put("disposition", "regular");
        r.put("service", service);
        return r;
    }

    /** The reply parameters of GetUserRecord / GetGroupRecord around a record. */
    public static Map<String, Object> reply(Map<String, Object> record) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("record", record);
        p.put("incomplete", false);
        return p;
    }

    /** The reply parameters of GetMemberships: one user in one group. */
    public static Map<String, Object> membership(String userName, String groupName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("userName", userName);
        p.put("groupName", groupName);
        return p;
    }
}
