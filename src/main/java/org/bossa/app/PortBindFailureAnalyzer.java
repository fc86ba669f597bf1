package org.bossa.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bind failure into advice instead of a stack trace. */
public final class PortBindFailureAnalyzer extends AbstractFailureAnalyzer<PortBindException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, PortBindException cause) {
        String action = cause.port() < 1024
                ? "Ports below 1024 need root or CAP_NET_BIND_SERVICE. Run as root, grant the capability "
                        + "(setcap cap_net_bind_service=+ep on the java binary), or choose another port: "
                        + "--bossa.smb.port=1445 (or BOSSA_SMB_PORT=1445); then connect with smbclient -p 1445."
                : "Another program may be using the port (a running smbd?). Stop it or choose another port "
                        + "with --bossa.smb.port=N.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
