package org.bossa.app;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bossa.auth.ntlm.NtlmVerifier;
import org.bossa.domain.NetlogonChannels;
import org.bossa.domain.SecureChannelReport;
import org.bossa.store.StateStore;

/**
 * Keeps the running server's secure channel state in the state store after each domain logon, so
 * {@code bossa info} (another process) can show it: DC, flags, when made, last error. Written only
 * when it changed.
 */
final class ChannelStatusRecorder {
    private final StateStore store;
    private final NetlogonChannels channels;
    private String last = "";

    ChannelStatusRecorder(StateStore store, NetlogonChannels channels) {
        this.store = Objects.requireNonNull(store);
        this.channels = Objects.requireNonNull(channels);
    }

    /** {@code verifier}, recording the channel state after each of its logons. */
    NtlmVerifier watching(NtlmVerifier verifier) {
        return (auth, challenge, response) -> {
            try {
                return verifier.verify(auth, challenge, response);
            } finally {
                record();
            }
        };
    }

    synchronized void record() {
        String now = SecureChannelReport.format(channels.status());
        if (!now.equals(last)) {
            store.putSecret(SecureChannelReport.KEY, now.getBytes(StandardCharsets.UTF_8));
            last = now;
        }
    }
}
