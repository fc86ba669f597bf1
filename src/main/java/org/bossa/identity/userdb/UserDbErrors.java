package org.bossa.identity.userdb;

/** The varlink error names this service answers with (io.systemd.UserDatabase and org.varlink.service). */
public final class UserDbErrors {
    public static final String NO_RECORD_FOUND = "io.systemd.UserDatabase.NoRecordFound";
    public static final String BAD_SERVICE = "io.systemd.UserDatabase.BadService";
    public static final String SERVICE_NOT_AVAILABLE = "io.systemd.UserDatabase.ServiceNotAvailable";
    public static final String CONFLICTING_RECORD_FOUND = "io.systemd.UserDatabase.ConflictingRecordFound";
    public static final String ENUMERATION_NOT_SUPPORTED = "io.systemd.UserDatabase.EnumerationNotSupported";

    public static final String INTERFACE_NOT_FOUND = "org.varlink.service.InterfaceNotFound";
    public static final String METHOD_NOT_FOUND = "org.varlink.service.MethodNotFound";
    public static final String INVALID_PARAMETER = "org.varlink.service.InvalidParameter";
    public static final String EXPECTED_MORE = "org.varlink.service.ExpectedMore";

    private UserDbErrors() {
    }
}
