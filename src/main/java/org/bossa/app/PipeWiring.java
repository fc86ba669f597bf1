package org.bossa.app;

import java.util.ArrayList;
import java.util.List;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.rpc.RpcPipes;
import org.bossa.rpc.ServerIdentity;
import org.bossa.rpc.srvsvc.ShareCatalog;
import org.bossa.rpc.srvsvc.ShareEntry;
import org.bossa.smb2.server.ServerConfig;
import org.bossa.smb2.server.ShareConfig;

/** The named pipes on IPC$ (srvsvc, wkssvc), fed from the configured shares. */
public final class PipeWiring {
    private PipeWiring() {
    }

    public static PipeRegistry registry(ServerConfig config) {
        ServerIdentity id = new ServerIdentity(config.netbiosName(), config.workgroup(), 10, 0,
                ServerIdentity.MEMBER_SERVER_TYPE, "Bossa " + config.netbiosName());
        List<ShareEntry> entries = new ArrayList<>();
        for (ShareConfig s : config.shares()) {
            entries.add(new ShareEntry(s.name(), ShareEntry.STYPE_DISKTREE, s.comment(), s.path().toString()));
        }
        entries.add(ShareEntry.ipc("IPC Service (Bossa " + config.netbiosName() + ")"));
        List<ShareEntry> all = List.copyOf(entries);
        return RpcPipes.fileServerRegistry(new ShareCatalog() {
            @Override
            public List<ShareEntry> shares() {
                return all;
            }

            @Override
            public ServerIdentity server() {
                return id;
            }
        });
    }
}
