package org.bossa.identity.winbind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.Sid;
import org.bossa.identity.IdentityService;
import org.bossa.identity.IdentityUnavailableException;
import org.bossa.identity.PosixGroup;
import org.bossa.identity.PosixUser;
import org.bossa.identity.Principal;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one winbindd request from an {@link IdentityService}, in the formats Samba 4.17's winbindd
 * uses (source3/winbindd/winbindd_*.c), so libnss_winbind, wbinfo and pam_winbind read them unchanged.
 *
 * <p>Every outcome is a response: an unknown command, a malformed field, a lookup that cannot be
 * answered or a failing service all give {@code WINBINDD_ERROR} (winbindd's generic commands carry no
 * status beyond that; libnss_winbind reads it as "not found", wbinfo prints the failure).
 */
public final class WinbindHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WinbindHandler.class);
    /** WINBIND_INTERFACE_VERSION of Samba 4.17. */
    public static final int INTERFACE_VERSION = 32;
    /** What INFO reports as the server's version (wbinfo -V shows the client's own; this shows in --info). */
    public static final String VERSION = "4.17.12-Bossa";
    /** Most entries one GETPWENT/GETGRENT answers, whatever the client asks (winbindd's cap is 500). */
    static final int MAX_ENT_BATCH = 500;
    /** Most names one enumeration or list returns. */
    static final int MAX_LIST = 100_000;
    static final int MAX_XIDS = 10_000;

    private final IdentityService ids;
    private final String privilegedDir;
    private final WinbindAuth auth;

    /**
     * @param privilegedDir the directory of the privileged socket, as PRIV_PIPE_DIR reports it
     */
    public WinbindHandler(IdentityService ids, String privilegedDir) {
        this.ids = Objects.requireNonNull(ids);
        this.privilegedDir = Objects.requireNonNull(privilegedDir);
        this.auth = new WinbindAuth(ids);
    }

    /** The answer to {@code req}; never throws. */
    public WinbindResponse handle(WinbindRequest req, ClientSession session) {
        WinbindCommand cmd = WinbindCommand.of(req.command());
        if (cmd == null) {
            LOG.debug("unknown winbind command {}", req.command());
            return WinbindResponse.error();
        }
        try {
            return dispatch(cmd, req, session);
        } catch (WinbindFormatException e) {
            LOG.debug("malformed {} request: {}", cmd, e.getMessage());
            return WinbindResponse.error();
        } catch (IdentityUnavailableException e) {
            LOG.debug("{} not answered: {}", cmd, e.getMessage());
            return WinbindResponse.error();
        } catch (DtypFormatException e) {
            // a SID string the client sent does not parse
            LOG.debug("{}: {}", cmd, e.getMessage());
            return WinbindResponse.error();
        } catch (RuntimeException e) {
            LOG.warn("{} failed in the identity service", cmd, e);
            return WinbindResponse.error();
        }
    }

    private WinbindResponse dispatch(WinbindCommand cmd, WinbindRequest req, ClientSession session)
            throws WinbindFormatException, IdentityUnavailableException {
        IdentityService.DomainInfo dom = ids.domain();
        return switch (cmd) {
            case INTERFACE_VERSION -> WinbindResponse.ok().putU32(WinbindResponse.D_INTERFACE_VERSION, INTERFACE_VERSION);
            case PING -> WinbindResponse.ok();
            case INFO -> WinbindResponse.ok().putByte(WinbindResponse.D_INFO_SEPARATOR, dom.separator())
                    .putString(WinbindResponse.D_INFO_VERSION, WinbindRequest.FSTRING, VERSION);
            case DOMAIN_NAME -> WinbindResponse.ok().putString(WinbindResponse.D_DOMAIN_NAME, WinbindRequest.FSTRING,
                    dom.netbiosDomain());
            case NETBIOS_NAME -> WinbindResponse.ok().putString(WinbindResponse.D_DOMAIN_NAME, WinbindRequest.FSTRING,
                    dom.netbiosName());
            case PRIV_PIPE_DIR -> WinbindResponse.ok().appendExtra(privilegedDir + "\0");
            case DOMAIN_INFO -> domainInfo(req, dom);
            case LIST_TRUSTDOM -> listTrustedDomains(dom);
            case PING_DC, CHECK_MACHACC -> pingDc(cmd);
            case GETPWNAM -> pw(ids.userByName(req.dataString(0, WinbindRequest.FSTRING)));
            case GETPWUID -> pw(ids.userByUid(req.dataU32(0)));
            case GETPWSID -> pw(ids.userBySid(Sid.parse(req.dataString(0, WinbindRequest.FSTRING))));
            case GETGRNAM -> gr(ids.groupByName(req.dataString(0, WinbindRequest.FSTRING)));
            case GETGRGID -> gr(ids.groupByGid(req.dataU32(0)));
            case GETGROUPS -> getGroups(req.dataString(0, WinbindRequest.FSTRING));
            case GETUSERSIDS -> sidList(ids.groupSidsOf(Sid.parse(req.dataString(0, WinbindRequest.FSTRING))), null);
            case GETUSERDOMGROUPS -> sidList(ids.groupSidsOf(Sid.parse(req.dataString(0, WinbindRequest.FSTRING))),
                    dom.domainSid());
            case SETPWENT -> {
                session.users = new ClientSession.Cursor(ids.listUsers(MAX_LIST));
                yield WinbindResponse.ok();
            }
            case ENDPWENT -> {
                session.users = null;
                yield WinbindResponse.ok();
            }
            case SETGRENT -> {
                session.groups = new ClientSession.Cursor(ids.listGroups(MAX_LIST));
                yield WinbindResponse.ok();
            }
            case ENDGRENT -> {
                session.groups = null;
                yield WinbindResponse.ok();
            }
            case GETPWENT -> getPwEnt(session, req.dataU32(0));
            case GETGRENT, GETGRLST -> getGrEnt(session, req.dataU32(0), cmd == WinbindCommand.GETGRENT);
            case LIST_USERS -> nameList(ids.listUsers(MAX_LIST));
            case LIST_GROUPS -> nameList(ids.listGroups(MAX_LIST));
            case LOOKUPNAME -> lookupName(req, dom);
            case LOOKUPSID -> lookupSid(Sid.parse(req.dataString(0, WinbindRequest.FSTRING)));
            case SIDS_TO_XIDS -> sidsToXids(req.extraText());
            case XIDS_TO_SIDS -> xidsToSids(req.extraText());
            case PAM_AUTH -> auth.pamAuth(req);
            case PAM_CHAUTHTOK -> auth.changePassword(req);
            case PAM_LOGOFF -> WinbindResponse.ok(); // no credential cache is kept, so there is nothing to drop
            case PAM_AUTH_CRAP -> session.privileged() ? auth.pamAuthCrap(req) : WinbindResponse.error();
            default -> {
                LOG.debug("winbind command {} is not implemented", cmd);
                yield WinbindResponse.error();
            }
        };
    }

    private WinbindResponse domainInfo(WinbindRequest req, IdentityService.DomainInfo dom) {
        String asked = req.domainName();
        if (!asked.isEmpty() && !asked.equalsIgnoreCase(dom.netbiosDomain()) && !asked.equalsIgnoreCase(dom.dnsDomain())) {
            return WinbindResponse.error();
        }
        return WinbindResponse.ok()
                .putString(WinbindResponse.D_DOMINFO_NAME, WinbindRequest.FSTRING, dom.netbiosDomain())
                .putString(WinbindResponse.D_DOMINFO_ALT_NAME, WinbindRequest.FSTRING, dom.dnsDomain())
                .putString(WinbindResponse.D_DOMINFO_SID, WinbindRequest.FSTRING, dom.domainSid().toString())
                .putByte(WinbindResponse.D_DOMINFO_NATIVE, 1)
                .putByte(WinbindResponse.D_DOMINFO_AD, 1)
                .putByte(WinbindResponse.D_DOMINFO_PRIMARY, 1);
    }

    /**
     * The joined domain only: trusted domains are not resolved here. One line per domain,
     * "name\dns\sid\type\transitive\inbound\outbound\online", lines separated by newlines, as winbindd
     * sends them; the primary domain of a member is reached over its workstation trust.
     */
    private WinbindResponse listTrustedDomains(IdentityService.DomainInfo dom) {
        boolean online = ids.health().online();
        String line = dom.netbiosDomain() + "\\" + dom.dnsDomain() + "\\" + dom.domainSid() + "\\Workstation\\Yes\\No\\Yes\\"
                + (online ? "Online" : "Offline");
        return WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, 1).appendExtra(line + "\0");
    }

    private WinbindResponse pingDc(WinbindCommand cmd) {
        IdentityService.Health h = ids.health();
        if (!h.online()) {
            LOG.debug("{}: DC not reachable: {}", cmd, LogSafe.quote(h.detail()));
            return WinbindResponse.error();
        }
        WinbindResponse r = WinbindResponse.ok();
        if (cmd == WinbindCommand.PING_DC) {
            r.appendExtra(h.dc() + "\0"); // the DC's name, which wbinfo --ping-dc prints
        }
        return r;
    }

    private static WinbindResponse pw(Optional<PosixUser> user) {
        if (user.isEmpty()) {
            return WinbindResponse.error();
        }
        PosixUser u = user.get();
        WinbindResponse r = WinbindResponse.ok();
        WinbindResponse.putPw(r.dataView(), 0, u.name(), u.uid(), u.gid(), u.gecos(), u.home(), u.shell());
        return r;
    }

    private static WinbindResponse gr(Optional<PosixGroup> group) {
        if (group.isEmpty()) {
            return WinbindResponse.error();
        }
        PosixGroup g = group.get();
        WinbindResponse r = WinbindResponse.ok();
        WinbindResponse.putGr(r.dataView(), 0, g.name(), g.gid(), g.members().size(), 0);
        r.appendExtra(memberList(g.members()));
        return r;
    }

    /** The members "a,b,c" NUL-terminated, as winbindd_print_groupmembers writes them. */
    private static byte[] memberList(List<String> members) {
        return (String.join(",", members) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private WinbindResponse getGroups(String user) throws IdentityUnavailableException {
        if (ids.userByName(user).isEmpty()) {
            return WinbindResponse.error();
        }
        List<Long> gids = ids.groupIdsOf(user);
        ByteBuffer b = ByteBuffer.allocate(4 * gids.size()).order(ByteOrder.LITTLE_ENDIAN);
        gids.forEach(g -> b.putInt(g.intValue()));
        return WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, gids.size()).appendExtra(b.array());
    }

    /** SIDs one per line (all of them, or those of {@code domain}), NUL-terminated. */
    private static WinbindResponse sidList(List<Sid> sids, Sid domain) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Sid s : sids) {
            if (domain == null || s.isInDomain(domain)) {
                sb.append(s).append('\n');
                n++;
            }
        }
        return WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, n).appendExtra(sb.append('\0').toString());
    }

    /** Names separated by commas, NUL-terminated (LIST_USERS, LIST_GROUPS). */
    private static WinbindResponse nameList(List<String> names) {
        WinbindResponse r = WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, names.size());
        if (!names.isEmpty()) {
            r.appendExtra(String.join(",", names) + "\0");
        }
        return r;
    }

    private WinbindResponse getPwEnt(ClientSession session, long asked) throws IdentityUnavailableException {
        ClientSession.Cursor c = session.users;
        if (c == null) {
            return WinbindResponse.error(); // no SETPWENT, or the enumeration is over: NT_STATUS_NO_MORE_ENTRIES
        }
        int max = (int) Math.min(asked, MAX_ENT_BATCH);
        List<PosixUser> batch = new ArrayList<>();
        while (batch.size() < max && c.next < c.names.size()) {
            ids.userByName(c.names.get(c.next++)).ifPresent(batch::add); // a user gone meanwhile is skipped
        }
        if (batch.isEmpty()) {
            session.users = null;
            return WinbindResponse.error();
        }
        ByteBuffer b = ByteBuffer.allocate(batch.size() * WinbindResponse.PW_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < batch.size(); i++) {
            PosixUser u = batch.get(i);
            WinbindResponse.putPw(b, i * WinbindResponse.PW_SIZE, u.name(), u.uid(), u.gid(), u.gecos(), u.home(), u.shell());
        }
        return WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, batch.size()).appendExtra(b.array());
    }

    /**
     * A batch of groups: the winbindd_gr structs, then each group's member list; gr_mem_ofs is relative to
     * the end of the structs. GETGRLST gives the groups without members.
     */
    private WinbindResponse getGrEnt(ClientSession session, long asked, boolean withMembers)
            throws IdentityUnavailableException {
        ClientSession.Cursor c = session.groups;
        if (c == null) {
            return WinbindResponse.error();
        }
        int max = (int) Math.min(asked, MAX_ENT_BATCH);
        List<PosixGroup> batch = new ArrayList<>();
        while (batch.size() < max && c.next < c.names.size()) {
            ids.groupByName(c.names.get(c.next++)).ifPresent(batch::add);
        }
        if (batch.isEmpty()) {
            session.groups = null;
            return WinbindResponse.error();
        }
        ByteBuffer structs = ByteBuffer.allocate(batch.size() * WinbindResponse.GR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        for (int i = 0; i < batch.size(); i++) {
            PosixGroup g = batch.get(i);
            List<String> m = withMembers ? g.members() : List.of();
            WinbindResponse.putGr(structs, i * WinbindResponse.GR_SIZE, g.name(), g.gid(), m.size(), members.size());
            members.writeBytes(memberList(m));
        }
        return WinbindResponse.ok().putU32(WinbindResponse.D_NUM_ENTRIES, batch.size())
                .appendExtra(structs.array()).appendExtra(members.toByteArray());
    }

    private WinbindResponse lookupName(WinbindRequest req, IdentityService.DomainInfo dom)
            throws WinbindFormatException, IdentityUnavailableException {
        String domain = req.dataString(WinbindRequest.D_NAME_DOMAIN, WinbindRequest.FSTRING);
        String name = req.dataString(WinbindRequest.D_NAME_NAME, WinbindRequest.FSTRING);
        Optional<Principal> p = ids.lookupName(domain.isEmpty() ? name : domain + "\\" + name);
        if (p.isEmpty()) {
            return WinbindResponse.error();
        }
        return WinbindResponse.ok()
                .putString(WinbindResponse.D_SID_SID, WinbindRequest.FSTRING, p.get().sid().toString())
                .putU32(WinbindResponse.D_SID_TYPE, p.get().type().code());
    }

    private WinbindResponse lookupSid(Sid sid) throws IdentityUnavailableException {
        Optional<Principal> p = ids.lookupSid(sid);
        if (p.isEmpty()) {
            return WinbindResponse.error();
        }
        return WinbindResponse.ok()
                .putString(WinbindResponse.D_NAME_DOMAIN, WinbindRequest.FSTRING, p.get().domain())
                .putString(WinbindResponse.D_NAME_NAME, WinbindRequest.FSTRING, p.get().name())
                .putU32(WinbindResponse.D_NAME_TYPE, p.get().type().code());
    }

    /**
     * One answer line per SID: "U<uid>", "G<gid>", "B<id>" (the same id serves as both) or an empty line
     * for an unmapped SID. A SID that does not parse fails the whole request, as winbindd's parse_sidlist does.
     */
    private WinbindResponse sidsToXids(String text) throws WinbindFormatException {
        List<String> lines = lines(text);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            Sid sid = Sid.parse(line);
            OptionalLong uid = ids.sidToUid(sid);
            OptionalLong gid = ids.sidToGid(sid);
            if (uid.isPresent() && gid.isPresent() && uid.getAsLong() == gid.getAsLong()) {
                out.append('B').append(uid.getAsLong());
            } else if (uid.isPresent()) {
                out.append('U').append(uid.getAsLong());
            } else if (gid.isPresent()) {
                out.append('G').append(gid.getAsLong());
            }
            out.append('\n');
        }
        return WinbindResponse.ok().appendExtra(out.append('\0').toString());
    }

    /** One answer line per "U<uid>" or "G<gid>": the SID, or "-" when the id is not mapped. */
    private WinbindResponse xidsToSids(String text) throws WinbindFormatException {
        StringBuilder out = new StringBuilder();
        for (String line : lines(text)) {
            if (line.length() < 2 || (line.charAt(0) != 'U' && line.charAt(0) != 'G')) {
                throw new WinbindFormatException("not an xid: " + LogSafe.quote(line));
            }
            long id;
            try {
                id = Long.parseLong(line.substring(1));
            } catch (NumberFormatException e) {
                throw new WinbindFormatException("not an xid: " + LogSafe.quote(line));
            }
            if (id < 0 || id > 0xFFFFFFFFL) {
                throw new WinbindFormatException("xid out of range: " + id);
            }
            Optional<Sid> sid = line.charAt(0) == 'U' ? ids.uidToSid(id) : ids.gidToSid(id);
            out.append(sid.map(Sid::toString).orElse("-")).append('\n');
        }
        return WinbindResponse.ok().appendExtra(out.append('\0').toString());
    }

    /** Newline-separated entries (the last newline optional), at most {@link #MAX_XIDS}. */
    private static List<String> lines(String text) throws WinbindFormatException {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        if (out.size() > MAX_XIDS) {
            throw new WinbindFormatException(out.size() + " entries, more than " + MAX_XIDS);
        }
        return out;
    }
}
