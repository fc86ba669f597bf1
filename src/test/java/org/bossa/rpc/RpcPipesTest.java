package org.bossa.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PipeRead;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.SambaVectors;
import org.bossa.rpc.srvsvc.ShareCatalog;
import org.bossa.rpc.srvsvc.ShareEntry;
import org.junit.jupiter.api.Test;

class RpcPipesTest {
    @Test
    void srvsvcAndWkssvcAreServedAndEachOnlyBindsItsOwnInterface() throws Exception {
        ServerIdentity id = new ServerIdentity("BOSSA", "EXAMPLE", 10, 0, ServerIdentity.MEMBER_SERVER_TYPE, "");
        PipeRegistry reg = RpcPipes.fileServerRegistry(new ShareCatalog() {
            @Override
            public List<ShareEntry> shares() {
                return List.of(ShareEntry.ipc(""));
            }

            @Override
            public ServerIdentity server() {
                return id;
            }
        });
        RpcCallContext ctx = new RpcCallContext("u", "D", "a");
        assertTrue(reg.exists("\\PIPE\\wkssvc"));
        assertFalse(reg.exists("lsarpc"));
        NamedPipe wks = reg.open("WKSSVC", ctx).orElseThrow();
        // a srvsvc bind on the wkssvc pipe: abstract syntax not supported
        PipeRead r = wks.transceive(HexFormat.of().parseHex(SambaVectors.BIND_3_CONTEXTS), 4280);
        BindAckPdu ack = BindAckPdu.decode(r.data(), PduHeader.decode(r.data(), 0, r.data().length));
        assertEquals("\\PIPE\\wkssvc", ack.secondaryAddress());
        assertEquals(ContextResult.reject(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED), ack.results().get(0));
    }
}
