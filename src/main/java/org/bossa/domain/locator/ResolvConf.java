package org.bossa.domain.locator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system resolver's DNS servers: the {@code nameserver} lines of /etc/resolv.conf (resolv.conf(5);
 * the first three, as the C library uses), else 127.0.0.1 as the C library assumes. The locator
 * queries them itself so that it can bound each query and name the server in its messages.
 */
final class ResolvConf {
    static final Path PATH = Path.of("/etc/resolv.conf");
    private static final int MAXNS = 3;

    private ResolvConf() {
    }

    static List<DnsServerAddress> nameservers(Path file) {
        List<DnsServerAddress> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            lines = List.of();
        }
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver") && out.size() < MAXNS) {
                try {
                    out.add(new DnsServerAddress(InetAddress.ofLiteral(f[1]), DnsServerAddress.DNS_PORT));
                } catch (IllegalArgumentException e) {
                    // not an address: the C library skips it too
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new DnsServerAddress(InetAddress.ofLiteral("127.0.0.1"), DnsServerAddress.DNS_PORT));
        }
        return out;
    }
}
