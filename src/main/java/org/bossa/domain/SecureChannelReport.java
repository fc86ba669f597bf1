package org.bossa.domain;

import java.util.ArrayList;
import java.util.List;
import org.bossa.rpc.netlogon.NetlogonFlags;

/**
 * The secure channel's state as text, as the running server last recorded it in the state store
 * ({@link #KEY}) for {@code bossa info}, and as {@code bossa testjoin} prints its own check.
 */
public final class SecureChannelReport {
    /** Where the running server keeps the report. */
    public static final String KEY = "domain.netlogon-status";

    private SecureChannelReport() {
    }

    /** One line per fact: DC, flags, AES and sealing, the capability check, when, the last error. */
    public static String format(NetlogonChannels.Status s) {
        List<String> lines = new ArrayList<>();
        if (s.dc().isPresent()) {
            lines.add(s.dc().get() + ", flags " + NetlogonFlags.hex(s.negotiatedFlags()) + ", AES, sealed (schannel"
                    + " privacy)" + s.establishedAt().map(t -> ", since " + t).orElse(""));
            lines.add("capability check: " + s.capabilityCheck());
        } else {
            lines.add("not established");
        }
        s.lastError().ifPresent(e -> lines.add("last error: " + e + s.lastErrorAt().map(t -> " (" + t + ")").orElse("")));
        return String.join("\n", lines);
    }
}
