package org.bossa.rpc;

import java.util.List;
import java.util.Map;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.dcerpc.RpcInterface;
import org.bossa.rpc.srvsvc.ShareCatalog;
import org.bossa.rpc.srvsvc.SrvsvcServer;
import org.bossa.rpc.wkssvc.WkssvcServer;

/** The pipes a file server offers on IPC$: {@code srvsvc} and {@code wkssvc}. */
public final class RpcPipes {
    private RpcPipes() {
    }

    public static Map<String, List<RpcInterface>> fileServerPipes(ShareCatalog catalog) {
        return Map.of(
                "srvsvc", List.of(new SrvsvcServer(catalog)),
                "wkssvc", List.of(new WkssvcServer(catalog::server)));
    }

    public static PipeRegistry fileServerRegistry(ShareCatalog catalog) {
        return new PipeRegistry(fileServerPipes(catalog));
    }
}
