package org.bossa.identity.userdb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code org.varlink.service.GetInfo} and {@code GetInterfaceDescription} answer: who serves
 * the socket and the interfaces in varlink's interface definition language, written from systemd's
 * USER_GROUP_API document and the varlink service interface.
 */
public final class VarlinkInterfaces {
    static final String USERDB_IDL = """
            interface io.systemd.UserDatabase

            method GetUserRecord(uid: ?int, userName: ?string, service: string) -> (record: object, incomplete: bool)
            method GetGroupRecord(gid: ?int, groupName: ?string, service: string) -> (record: object, incomplete: bool)
            method GetMemberships(userName: ?string, groupName: ?string, service: string) -> (userName: string, groupName: string)

            error NoRecordFound()
            error BadService()
            error ServiceNotAvailable()
            error ConflictingRecordFound()
            error EnumerationNotSupported()
            """;

    static final String SERVICE_IDL = """
            interface org.varlink.service

            method GetInfo() -> (vendor: string, product: string, version: string, url: string, interfaces: []string)
            method GetInterfaceDescription(interface: string) -> (description: string)

            error InterfaceNotFound(interface: string)
            error MethodNotFound(method: string)
            error MethodNotImplemented(method: string)
            error InvalidParameter(parameter: string)
            error PermissionDenied()
            error ExpectedMore()
            """;

    private VarlinkInterfaces() {
    }

    static Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendor", "Bossa");
        m.put("product", "Bossa identity service");
        m.put("version", "1");
        m.put("url", ""); // no public project URL to name
        m.put("interfaces", List.of(UserDbMethods.USERDB, UserDbMethods.VARLINK_SERVICE));
        return m;
    }

    static Optional<String> description(String iface) {
        if (UserDbMethods.USERDB.equals(iface)) {
            return Optional.of(USERDB_IDL);
        }
        if (UserDbMethods.VARLINK_SERVICE.equals(iface)) {
            return Optional.of(SERVICE_IDL);
        }
        return Optional.empty();
    }
}
