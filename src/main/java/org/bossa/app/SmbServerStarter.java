package org.bossa.app;

import java.io.IOException;
import java.util.List;
import org.bossa.smb2.server.SmbServer;

/** Starts the listener, turning a bind failure into a {@link PortBindException} with advice. */
final class SmbServerStarter {
    private SmbServerStarter() {
    }

    static void start(SmbServer server, List<String> bind, int port) {
        try {
            server.start(bind, port);
        } catch (IOException e) {
            throw new PortBindException(port, String.join(",", bind), e);
        }
    }
}
