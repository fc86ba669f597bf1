package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.PipeRead;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.rpc.RpcPipes;

/**
 * The byte stream an SMB client writes into \PIPE\srvsvc or \PIPE\wkssvc (WRITE or
 * FSCTL_PIPE_TRANSCEIVE): PDU framing by frag_length, bind/alter_context negotiation, request
 * reassembly and the srvsvc/wkssvc NDR request decoders behind it. NamedPipe's contract is that no
 * method throws for malformed input (it becomes a bind_nak or fault to read), so any exception is a
 * finding. The first input byte picks the pipe and where the stream is cut into writes.
 */
class RpcPipeFuzzTest {
    private static final PipeRegistry PIPES = RpcPipes.fileServerRegistry(FuzzShares.CATALOG);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void pipe(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xFF;
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        try (NamedPipe pipe = PIPES.open((control & 1) == 0 ? "srvsvc" : "wkssvc", FuzzShares.CALLER).orElseThrow()) {
            // Whole stream in one write, or cut into pieces of (control >> 1) + 1 bytes.
            int piece = (control & 0x80) == 0 ? stream.length : (control >> 1 & 0x3F) + 1;
            for (int off = 0; off < stream.length; off += piece) {
                pipe.write(stream, off, Math.min(piece, stream.length - off));
                drain(pipe);
            }
        }
    }

    private static void drain(NamedPipe pipe) {
        while (true) {
            PipeRead r = pipe.read(1024);
            if (r.isEmpty() && !r.more()) {
                return;
            }
        }
    }
}
