package org.bossa.smb2.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bossa.smb2.wire.Dialect;

/**
 * The server's settings, already validated by the application layer.
 *
 * @param dialects dialects the server accepts
 * @param signingRequired SIGNING_REQUIRED in the negotiate response, and unsigned requests refused
 * @param encryption server-wide encryption policy
 * @param netbiosName the server's NetBIOS name (upper case)
 * @param workgroup workgroup or NetBIOS domain
 * @param maxIoSize MaxReadSize and MaxWriteSize
 * @param allowAnonymous null sessions admitted
 * @param serverGuid 16 bytes, stable per state directory
 * @param limits what one client may make the server hold
 */
public record ServerConfig(Set<Dialect> dialects, boolean signingRequired, EncryptionPolicy encryption,
                           String netbiosName, String workgroup, int maxIoSize, boolean allowAnonymous,
                           byte[] serverGuid, List<ShareConfig> shares, ServerLimits limits) {

    /** Largest frame accepted before negotiate finishes: a NEGOTIATE or SMB1 probe is small. */
    public static final int MAX_PRE_NEGOTIATE_FRAME = 64 * 1024;

    public ServerConfig {
        dialects = dialects.isEmpty() ? EnumSet.noneOf(Dialect.class) : EnumSet.copyOf(dialects);
        shares = List.copyOf(shares);
        limits = limits == null ? ServerLimits.DEFAULTS : limits;
    }

    /** With the default limits. */
    public ServerConfig(Set<Dialect> dialects, boolean signingRequired, EncryptionPolicy encryption,
                        String netbiosName, String workgroup, int maxIoSize, boolean allowAnonymous,
                        byte[] serverGuid, List<ShareConfig> shares) {
        this(dialects, signingRequired, encryption, netbiosName, workgroup, maxIoSize, allowAnonymous, serverGuid,
                shares, ServerLimits.DEFAULTS);
    }

    /** MaxTransactSize: QUERY_INFO, IOCTL and QUERY_DIRECTORY buffers. */
    public int maxTransactSize() {
        return maxIoSize;
    }

    /** Largest frame once negotiated: the biggest READ/WRITE plus headers and a compound's slack. */
    public int maxFrameSize() {
        return maxIoSize + 64 * 1024;
    }
}
