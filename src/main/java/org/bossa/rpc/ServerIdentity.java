package org.bossa.rpc;

/**
 * What srvsvc and wkssvc report about this server: NetBIOS name, NetBIOS domain, OS version,
 * SV_TYPE_* bits (MS-SRVS 2.2.2.7) and the server comment.
 */
public record ServerIdentity(String netbiosName, String domain, int versionMajor, int versionMinor, int serverType,
                             String comment) {
    /** SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_SERVER_UNIX | SV_TYPE_SERVER_NT: a member server. */
    public static final int MEMBER_SERVER_TYPE = 0x00000001 | 0x00000002 | 0x00000800 | 0x00008000;

    public ServerIdentity {
        if (netbiosName == null || netbiosName.isEmpty()) {
            throw new IllegalArgumentException("netbiosName");
        }
        domain = domain == null ? "" : domain;
        comment = comment == null ? "" : comment;
    }
}
