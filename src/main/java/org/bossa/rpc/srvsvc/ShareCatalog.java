package org.bossa.rpc.srvsvc;

import java.util.List;
import org.bossa.rpc.ServerIdentity;

/** The shares and server identity srvsvc reports; read on every call, so changes show at once. */
public interface ShareCatalog {
    List<ShareEntry> shares();

    ServerIdentity server();
}
