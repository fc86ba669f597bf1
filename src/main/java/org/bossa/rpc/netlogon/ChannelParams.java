package org.bossa.rpc.netlogon;

import java.net.InetAddress;
import java.util.Objects;
import org.bossa.dcerpc.client.RpcClientOptions;

/**
 * What a secure channel is made from.
 *
 * @param dcHostName the DC's DNS name (the PrimaryName/LogonServer of the calls)
 * @param dcAddress where to connect
 * @param netbiosDomain the domain's NetBIOS name (for the Netlogon SSP bind token)
 * @param computerName this member's NetBIOS name, without '$'
 * @param machinePassword the machine account's password (its NT hash is the shared secret)
 * @param options RPC timeouts and fragment sizes
 * @param maxConnections how many sealed connections logons may use at once
 */
public record ChannelParams(String dcHostName, InetAddress dcAddress, String netbiosDomain, String computerName,
        String machinePassword, RpcClientOptions options, int maxConnections) {
    public ChannelParams {
        Objects.requireNonNull(dcHostName, "dcHostName");
        Objects.requireNonNull(dcAddress, "dcAddress");
        Objects.requireNonNull(netbiosDomain, "netbiosDomain");
        Objects.requireNonNull(computerName, "computerName");
        Objects.requireNonNull(machinePassword, "machinePassword");
        Objects.requireNonNull(options, "options");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections);
        }
    }

    /** {@code \\dc1.example.test}: the server name argument of the Netlogon calls. */
    String serverName() {
        return "\\\\" + dcHostName;
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "ChannelParams[" + computerName + "$ -> " + dcHostName + " (" + dcAddress.getHostAddress() + ")]";
    }
}
