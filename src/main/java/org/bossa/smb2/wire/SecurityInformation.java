package org.bossa.smb2.wire;

/**
 * AdditionalInformation bits for InfoType SECURITY in QUERY_INFO and SET_INFO (MS-SMB2 2.2.37, 2.2.39):
 * which parts of the security descriptor.
 */
public final class SecurityInformation {
    private SecurityInformation() {
    }

    public static final int OWNER = 0x00000001;
    public static final int GROUP = 0x00000002;
    public static final int DACL = 0x00000004;
    public static final int SACL = 0x00000008;
    public static final int LABEL = 0x00000010;
    public static final int ATTRIBUTE = 0x00000020;
    public static final int SCOPE = 0x00000040;
    public static final int BACKUP = 0x00010000;
}
