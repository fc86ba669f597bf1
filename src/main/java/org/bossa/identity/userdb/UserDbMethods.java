package org.bossa.identity.userdb;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.bossa.identity.IdentityService;
import org.bossa.identity.IdentityUnavailableException;
import org.bossa.identity.PosixGroup;
import org.bossa.identity.PosixUser;
import org.bossa.text.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the calls of systemd's {@code io.systemd.UserDatabase} interface (and the
 * {@code org.varlink.service} introspection calls) from an {@link IdentityService}, following
 * https://systemd.io/USER_GROUP_API/ and, where that leaves room, what Samba 4.23's winbind varlink
 * service does:
 * <ul>
 *   <li>the {@code service} parameter must name this service, else {@code BadService};</li>
 *   <li>no key means enumeration, which needs {@code "more":true}; a limit of 0 turns it off
 *       ({@code EnumerationNotSupported}, like {@code winbind enum users = no});</li>
 *   <li>both keys must name the same record, else {@code ConflictingRecordFound};</li>
 *   <li>a lookup by name answers with the name as asked ("alice@example.test" stays so), because
 *       systemd's client drops a record whose name differs from the one it asked for;</li>
 *   <li>"cannot answer now" ({@link IdentityUnavailableException}) is {@code ServiceNotAvailable},
 *       which tells nss-systemd to try the next source rather than report "no such user".</li>
 * </ul>
 */
public final class UserDbMethods {
    private static final Logger log = LoggerFactory.getLogger(UserDbMethods.class);

    static final String USERDB = "io.systemd.UserDatabase";
    static final String VARLINK_SERVICE = "org.varlink.service";
    private static final long MAX_ID = 0xFFFF_FFFEL; // (uid_t) -1 is "no id"

    private final IdentityService identity;
    private final String serviceName;
    private final int enumerationLimit;
    private final Kind<PosixUser> users;
    private final Kind<PosixGroup> groups;

    /**
     * @param serviceName the name callers must pass as {@code service} (the socket's file name)
     * @param enumerationLimit the most users or groups one enumeration lists; 0 refuses enumeration
     */
    public UserDbMethods(IdentityService identity, String serviceName, int enumerationLimit) {
        if (enumerationLimit < 0) {
            throw new IllegalArgumentException("enumerationLimit must not be negative");
        }
        this.identity = identity;
        this.serviceName = serviceName;
        this.enumerationLimit = enumerationLimit;
        this.users = new Kind<>("userName", "uid", identity::userByName, identity::userByUid, identity::listUsers,
                PosixUser::uid, PosixUser::name, this::userReply);
        this.groups = new Kind<>("groupName", "gid", identity::groupByName, identity::groupByGid, identity::listGroups,
                PosixGroup::gid, PosixGroup::name, this::groupReply);
    }

    /** Answers {@code call} into {@code out}: one or more replies, or one error. */
    public void handle(VarlinkCall call, ReplySink out) throws IOException {
        try {
            dispatch(call, out);
        } catch (BadParameter e) {
            out.error(UserDbErrors.INVALID_PARAMETER, Map.of("parameter", e.getMessage()));
        } catch (IdentityUnavailableException e) {
            log.debug("userdb {} not answerable now: {}", LogSafe.quote(call.method()), e.getMessage());
            out.error(UserDbErrors.SERVICE_NOT_AVAILABLE, Map.of());
        } catch (RuntimeException e) {
            // a defect below must cost one call, never the connection or the server
            log.warn("userdb {} failed", LogSafe.quote(call.method()), e);
            out.error(UserDbErrors.SERVICE_NOT_AVAILABLE, Map.of());
        }
    }

    private void dispatch(VarlinkCall call, ReplySink out)
            throws IOException, BadParameter, IdentityUnavailableException {
        String method = call.method();
        int dot = method.lastIndexOf('.');
        String iface = dot > 0 ? method.substring(0, dot) : "";
        switch (method) {
            case USERDB + ".GetUserRecord" -> {
                if (serviceMatches(call, out)) {
                    getUserRecord(call, out);
                }
            }
            case USERDB + ".GetGroupRecord" -> {
                if (serviceMatches(call, out)) {
                    getGroupRecord(call, out);
                }
            }
            case USERDB + ".GetMemberships" -> {
                if (serviceMatches(call, out)) {
                    getMemberships(call, out);
                }
            }
            case VARLINK_SERVICE + ".GetInfo" -> out.reply(VarlinkInterfaces.info(), false);
            case VARLINK_SERVICE + ".GetInterfaceDescription" -> {
                String name = optString(call, "interface");
                Optional<String> d = VarlinkInterfaces.description(name);
                if (d.isPresent()) {
                    out.reply(Map.of("description", d.get()), false);
                } else {
                    out.error(UserDbErrors.INTERFACE_NOT_FOUND, Map.of("interface", name == null ? "" : name));
                }
            }
            default -> {
                if (iface.equals(USERDB) || iface.equals(VARLINK_SERVICE)) {
                    out.error(UserDbErrors.METHOD_NOT_FOUND, Map.of("method", method));
                } else {
                    out.error(UserDbErrors.INTERFACE_NOT_FOUND, Map.of("interface", iface));
                }
            }
        }
    }

    private boolean serviceMatches(VarlinkCall call, ReplySink out) throws IOException {
        if (call.parameters().get("service") instanceof String s && s.equals(serviceName)) {
            return true;
        }
        out.error(UserDbErrors.BAD_SERVICE, Map.of());
        return false;
    }

    /** A lookup of the identity service that may find nothing or be unable to answer now. */
    @FunctionalInterface
    private interface Find<K, T> {
        Optional<T> find(K key) throws IdentityUnavailableException;
    }

    /** A listing of the identity service (names, up to a limit). */
    @FunctionalInterface
    private interface ListNames {
        List<String> list(int limit) throws IdentityUnavailableException;
    }

    /**
     * What GetUserRecord and GetGroupRecord differ in: the parameter names, how the identity
     * service finds and lists the records, a record's id, and its reply.
     */
    private record Kind<T>(String nameKey, String idKey, Find<String, T> byName, Find<Long, T> byId,
            ListNames names, ToLongFunction<T> id, Function<T, String> name, BiFunction<T, String, Map<String, Object>> reply) {
    }


    private void getUserRecord(VarlinkCall call, ReplySink out)
            throws IOException, BadParameter, IdentityUnavailableException {
        getRecord(users, call, out);
    }

    private void getGroupRecord(VarlinkCall call, ReplySink out)
            throws IOException, BadParameter, IdentityUnavailableException {
        getRecord(groups, call, out);
    }

    /** One record by name, by id or by both (which must agree), or every record (enumeration). */
    private <T> void getRecord(Kind<T> kind, VarlinkCall call, ReplySink out)
            throws IOException, BadParameter, IdentityUnavailableException {
        String name = optString(call, kind.nameKey());
        long id = optId(call, kind.idKey());
        if (name == null && id < 0) {
            if (!mayEnumerate(call, out)) {
                return;
            }
            Stream s = new Stream(out, call.more());
            for (String n : kind.names().list(enumerationLimit)) {
                Optional<T> r = kind.byName().find(n);
                if (r.isPresent()) {
                    s.offer(kind.reply().apply(r.get(), kind.name().apply(r.get())));
                }
            }
            s.finish();
            return;
        }
        if (name == null) {
            Optional<T> r = kind.byId().find(id);
            answer(out, r.map(x -> kind.reply().apply(x, kind.name().apply(x))));
            return;
        }
        Optional<T> byName = kind.byName().find(name);
        if (id < 0 || byName.isPresent() && kind.id().applyAsLong(byName.get()) == id) {
            answer(out, byName.map(x -> kind.reply().apply(x, name)));
        } else if (byName.isPresent() || kind.byId().find(id).isPresent()) {
            out.error(UserDbErrors.CONFLICTING_RECORD_FOUND, Map.of());
        } else {
            out.error(UserDbErrors.NO_RECORD_FOUND, Map.of());
        }
    }

    private void getMemberships(VarlinkCall call, ReplySink out)
            throws IOException, BadParameter, IdentityUnavailableException {
        String user = optString(call, "userName");
        String group = optString(call, "groupName");
        if (user == null && group == null) {
            if (!mayEnumerate(call, out)) {
                return;
            }
            Stream s = new Stream(out, call.more());
            for (String n : identity.listGroups(enumerationLimit)) {
                Optional<PosixGroup> g = identity.groupByName(n);
                if (g.isPresent()) {
                    for (String member : g.get().members()) {
                        s.offer(UserDbRecords.membership(member, g.get().name()));
                    }
                }
            }
            s.finish();
        } else if (group == null) {
            // the user's groups as initgroups sees them (token groups, nested ones included)
            Stream s = new Stream(out, call.more());
            for (long gid : identity.groupIdsOf(user)) {
                Optional<PosixGroup> g = identity.groupByGid(gid);
                if (g.isPresent()) {
                    s.offer(UserDbRecords.membership(user, g.get().name()));
                }
            }
            s.finish();
        } else if (user == null) {
            Stream s = new Stream(out, call.more());
            Optional<PosixGroup> g = identity.groupByName(group);
            for (String member : g.map(PosixGroup::members).orElse(List.of())) {
                s.offer(UserDbRecords.membership(member, group));
            }
            s.finish();
        } else {
            // membership by gid, not by comparing member strings: "alice", "EXAMPLE\alice" and
            // "alice@example.test" are one user, and nested membership counts as initgroups counts it
            Optional<PosixGroup> g = identity.groupByName(group);
            if (g.isPresent() && identity.groupIdsOf(user).contains(g.get().gid())) {
                out.reply(UserDbRecords.membership(user, group), false);
            } else {
                out.error(UserDbErrors.NO_RECORD_FOUND, Map.of());
            }
        }
    }

    private boolean mayEnumerate(VarlinkCall call, ReplySink out) throws IOException {
        if (enumerationLimit == 0) {
            out.error(UserDbErrors.ENUMERATION_NOT_SUPPORTED, Map.of());
            return false;
        }
        if (!call.more()) {
            out.error(UserDbErrors.EXPECTED_MORE, Map.of());
            return false;
        }
        return true;
    }

    private Map<String, Object> userReply(PosixUser u, String name) {
        return UserDbRecords.reply(UserDbRecords.user(u, name, serviceName));
    }

    private Map<String, Object> groupReply(PosixGroup g, String name) {
        return UserDbRecords.reply(UserDbRecords.group(g, name, serviceName));
    }

    private static void answer(ReplySink out, Optional<Map<String, Object>> reply) throws IOException {
        if (reply.isPresent()) {
            out.reply(reply.get(), false);
        } else {
            out.error(UserDbErrors.NO_RECORD_FOUND, Map.of());
        }
    }

    /** A string parameter, or null when absent or JSON null. */
    private static String optString(VarlinkCall call, String name) throws BadParameter {
        Object v = call.parameters().get(name);
        if (v == null || v == JsonReader.NULL) {
            return null;
        }
        if (v instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new BadParameter(name);
    }

    /** A uid or gid parameter, or -1 when absent or JSON null. */
    private static long optId(VarlinkCall call, String name) throws BadParameter {
        Object v = call.parameters().get(name);
        if (v == null || v == JsonReader.NULL) {
            return -1;
        }
        if (v instanceof Long n && n >= 0 && n <= MAX_ID) {
            return n;
        }
        throw new BadParameter(name);
    }

    /**
     * Sends replies one behind, so the last one can go without {@code continues}: the stream's end
     * is known only once the source is exhausted. No reply at all is {@code NoRecordFound}; a
     * second reply to a caller that did not ask for {@code more} is {@code ExpectedMore} instead.
     */
    private static final class Stream {
        private final ReplySink out;
        private final boolean more;
        private Map<String, Object> pending;
        private boolean refused;

        Stream(ReplySink out, boolean more) {
            this.out = out;
            this.more = more;
        }

        void offer(Map<String, Object> reply) throws IOException {
            if (refused) {
                return;
            }
            if (pending != null) {
                if (!more) {
                    refused = true;
                    out.error(UserDbErrors.EXPECTED_MORE, Map.of());
                    return;
                }
                out.reply(pending, true);
            }
            pending = reply;
        }

        void finish() throws IOException {
            if (refused) {
                return;
            }
            if (pending == null) {
                out.error(UserDbErrors.NO_RECORD_FOUND, Map.of());
            } else {
                out.reply(pending, false);
            }
        }
    }

    /** A parameter of the wrong type or range; its message is the parameter's name. */
    private static final class BadParameter extends Exception {
        BadParameter(String parameter) {
            super(parameter, null, false, false);
        }
    }
}
