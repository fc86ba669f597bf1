package org.bossa.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * This host's default NetBIOS name: the kernel's host name (as {@code uname -n} prints it), first
 * label, letters, digits and '-' only, upper case, at most 15 characters — what Samba's
 * {@code netbios name} defaults to. Read from the kernel rather than through
 * {@code InetAddress.getLocalHost()}, which resolves the name and can wait on a slow DNS server.
 */
public final class HostNames {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostNames() {
    }

    public static String defaultNetbiosName() {
        String host;
        try {
            host = Files.readString(KERNEL_HOSTNAME).trim();
        } catch (IOException e) {
            host = "";
        }
        return netbiosNameOf(host);
    }

    static String netbiosNameOf(String host) {
        String label = host.split("\\.")[0].replaceAll("[^A-Za-z0-9-]", "");
        if (label.isEmpty()) {
            label = "BOSSA";
        }
        return label.substring(0, Math.min(15, label.length())).toUpperCase(Locale.ROOT);
    }
}
