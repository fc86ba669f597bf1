package org.bossa.fuzz;

import java.util.List;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.rpc.ServerIdentity;
import org.bossa.rpc.srvsvc.ShareCatalog;
import org.bossa.rpc.srvsvc.ShareEntry;

/** A fixed share list and identity for the server pipe targets, like a small real server. */
final class FuzzShares {
    static final RpcCallContext CALLER = new RpcCallContext("alice", "EXAMPLE", "192.0.2.10");
    static final ShareCatalog CATALOG = new ShareCatalog() {
        private final ServerIdentity server = new ServerIdentity("BOSSA", "EXAMPLE", 10, 0,
                ServerIdentity.MEMBER_SERVER_TYPE, "Bossa file server");
        private final List<ShareEntry> shares = List.of(
                new ShareEntry("data", ShareEntry.STYPE_DISKTREE, "Data share", "/srv/data"),
                ShareEntry.ipc("IPC Service (Bossa)"),
                new ShareEntry("Public", ShareEntry.STYPE_DISKTREE, "", "/srv/pub"));

        @Override
        public List<ShareEntry> shares() {
            return shares;
        }

        @Override
        public ServerIdentity server() {
            return server;
        }
    };

    private FuzzShares() {
    }
}
